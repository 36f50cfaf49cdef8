import { readFileSync } from 'node:fs';
import type { ReceivedRequest } from '../../emulator/identity/sigv4-verify.js';

/** One case of AWS's SigV4 test suite: the signed request and the values it must produce. */
export interface SuiteCase {
  name: string;
  sessionToken?: string;
  signedRequest: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export interface Suite {
  source: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  amzDate: string;
  cases: SuiteCase[];
}

/** test/fixtures/aws-sig-v4-test-suite/header-signed.json: copied verbatim from the suite (its `source` says where). */
export function loadSigV4Suite(): Suite {
  return JSON.parse(readFileSync(new URL('../fixtures/aws-sig-v4-test-suite/header-signed.json', import.meta.url), 'utf8')) as Suite;
}

export function suiteCase(suite: Suite, name: string): SuiteCase {
  const found = suite.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no SigV4 suite case ${name}`);
  return found;
}

/**
 * The suite's HTTP/1.1 text: request line (the target may hold spaces), `Name:value` headers with
 * indented continuation lines, a blank line, the body. Header names are lower-cased; repeats kept in order.
 */
export function parseSuiteRequest(text: string): ReceivedRequest {
  const blank = text.indexOf('\n\n');
  const [first = '', ...lines] = text.slice(0, blank).split('\n');
  const method = first.slice(0, first.indexOf(' '));
  const target = first.slice(method.length + 1, first.lastIndexOf(' HTTP/'));
  const headers: Record<string, string[]> = {};
  let last: string[] | undefined;
  for (const line of lines) {
    if (/^\s/.test(line) && last) {
      last[last.length - 1] += `\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    last = headers[name] ??= [];
    last.push(line.slice(colon + 1));
  }
  return { method, target, headers, body: text.slice(blank + 2) };
}
