import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS error codes the emulator answers with, and their HTTP statuses as real STS sends them. */
export type StsErrorCode =
  | 'InvalidIdentityToken'
  | 'ExpiredTokenException'
  | 'AccessDenied'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'IncompleteSignature'
  | 'ExpiredToken'
  | 'MissingAuthenticationToken'
  | 'ValidationError'
  | 'InvalidAction';

export class StsError extends Error {
  constructor(
    readonly code: StsErrorCode,
    message: string,
    readonly status: 400 | 403,
  ) {
    super(message);
    this.name = code;
  }
}

/** An XML element tree small enough to write by hand: a name and either text or children. */
export type XmlNode = [name: string, content: string | XmlNode[]];

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

function render([name, content]: XmlNode, indent: string): string {
  if (typeof content === 'string') return `${indent}<${name}>${escapeXml(content)}</${name}>`;
  const inner = content.map((child) => render(child, `${indent}  `)).join('\n');
  return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
}

/** `<{Action}Response xmlns=...><{Action}Result>…</{Action}Result><ResponseMetadata>…` as STS writes it. */
export function sendStsResult(res: ServerResponse, action: string, result: XmlNode[]): void {
  const requestId = randomUUID();
  const body = [
    `<${action}Response xmlns="${STS_NAMESPACE}">`,
    render([`${action}Result`, result], '  '),
    render(['ResponseMetadata', [['RequestId', requestId]]], '  '),
    `</${action}Response>`,
    '',
  ].join('\n');
  send(res, 200, body, requestId);
}

export function sendStsError(res: ServerResponse, error: StsError): void {
  const requestId = randomUUID();
  const body = [
    `<ErrorResponse xmlns="${STS_NAMESPACE}">`,
    render(['Error', [['Type', 'Sender'], ['Code', error.code], ['Message', error.message]]], '  '),
    render(['RequestId', requestId], '  '),
    '</ErrorResponse>',
    '',
  ].join('\n');
  send(res, error.status, body, requestId);
}

function send(res: ServerResponse, status: number, body: string, requestId: string): void {
  res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': requestId });
  res.end(body);
}
