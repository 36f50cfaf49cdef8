/**
 * The path and query of an HTTP request target, or undefined when it is not a plain origin-form
 * target (`/path?query`). `new URL(req.url, base)` is not enough: it throws on `//` or `//[` (an
 * uncaught throw in a request handler ends the process), and it reads `//host/x` or `/\host/x` as
 * another host, so a crafted request line could reach a route it did not name. Our servers never
 * serve such paths, so they are refused rather than reinterpreted.
 */
export function parseRequestTarget(raw: string | undefined): URL | undefined {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return undefined;
  try {
    const url = new URL(`http://request.invalid${raw}`);
    return url.host === 'request.invalid' ? url : undefined;
  } catch {
    return undefined;
  }
}
