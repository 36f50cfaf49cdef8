/**
 * The contract over HTTP (the browser shell, main/web): where the renderer's bridge sends invokes
 * and reads events, and the header that marks a request as coming from our own page. Shared by the
 * server and the browser-side client so the two cannot drift. No channel of its own: an invoke is
 * `{ channel, payload }` for a channel of the contract, an event is an SSE frame named after one.
 */
export const HTTP_INVOKE_PATH = '/api/invoke';
export const HTTP_EVENTS_PATH = '/api/events';
/** Where the one printed URL lands: exchanges the launch secret for the session cookie. */
export const HTTP_LAUNCH_PATH = '/launch';
/**
 * A custom header on every API request: a cross-site page cannot add one without a CORS preflight,
 * which this server never answers, so a "simple" cross-site POST never reaches a handler.
 */
export const HTTP_REQUEST_HEADER = 'x-cognito-inspector';

export interface HttpInvokeBody {
  channel: string;
  payload: unknown;
}
