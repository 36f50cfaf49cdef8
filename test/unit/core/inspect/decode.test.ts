import { describe, expect, it } from 'vitest';
import { decodeToken, MAX_TOKEN_CHARS } from '../../../../main/core/inspect/index.js';
import type { DecodedToken } from '../../../../main/core/inspect/index.js';
import { accessPayload, b64, jwt, RS_HEADER } from './tokens.js';

const H = b64(RS_HEADER);
const P = b64(accessPayload());
const GOOD = `${H}.${P}.c2lnbmF0dXJl`;
const jsonError = (text: string): string => {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};
const base = { signaturePresent: false, problems: [], notes: [] };

const cases: { name: string; input: string; want: DecodedToken }[] = [
  {
    name: 'a well-formed JWS',
    input: GOOD,
    want: { ...base, kind: 'jwt', raw: GOOD, header: RS_HEADER, payload: accessPayload(), signaturePresent: true },
  },
  {
    name: 'two parts (signature cut off): decodes what is there',
    input: `${H}.${P}`,
    want: { ...base, kind: 'not-a-jwt', raw: `${H}.${P}`, header: RS_HEADER, payload: accessPayload(), problems: [{ part: 'token', message: 'expected 3 dot-separated parts, found 2' }] },
  },
  {
    name: 'a character outside base64url in the payload, with its offset in the token',
    input: `${H}.${P.slice(0, 10)}!${P.slice(10)}.c2ln`,
    want: {
      ...base, kind: 'jwt', raw: `${H}.${P.slice(0, 10)}!${P.slice(10)}.c2ln`, header: RS_HEADER, payload: accessPayload(), signaturePresent: true,
      problems: [{ part: 'payload', offset: H.length + 11, message: `payload is not valid base64url at character ${H.length + 11} ('!')` }],
    },
  },
  {
    name: 'a header that is not JSON',
    input: `${b64('{"alg":RS256}')}.${P}.c2ln`,
    want: {
      ...base, kind: 'jwt', raw: `${b64('{"alg":RS256}')}.${P}.c2ln`, headerText: '{"alg":RS256}', payload: accessPayload(), signaturePresent: true,
      problems: [{ part: 'header', message: `header is not JSON: ${jsonError('{"alg":RS256}')}` }],
    },
  },
  {
    name: 'a payload that is a JSON array',
    input: `${H}.${b64([1, 2])}.c2ln`,
    want: {
      ...base, kind: 'jwt', raw: `${H}.${b64([1, 2])}.c2ln`, header: RS_HEADER, payloadText: '[1,2]', signaturePresent: true,
      problems: [{ part: 'payload', message: 'payload is JSON but not an object (found an array)' }],
    },
  },
  { name: 'empty input', input: '', want: { ...base, kind: 'not-a-jwt', raw: '', problems: [{ part: 'token', message: 'input is empty' }] } },
  { name: 'only whitespace', input: ' \n\t ', want: { ...base, kind: 'not-a-jwt', raw: '', problems: [{ part: 'token', message: 'input is empty' }] } },
  {
    name: 'alg none with the empty signature it implies',
    input: `${b64({ alg: 'none' })}.${P}.`,
    want: { ...base, kind: 'jwt', raw: `${b64({ alg: 'none' })}.${P}.`, header: { alg: 'none' }, payload: accessPayload() },
  },
  {
    name: 'RS256 with the signature missing',
    input: `${H}.${P}.`,
    want: {
      ...base, kind: 'jwt', raw: `${H}.${P}.`, header: RS_HEADER, payload: accessPayload(),
      problems: [{ part: 'signature', offset: H.length + P.length + 2, message: 'signature is empty: the token is unsigned' }],
    },
  },
  {
    name: 'a Cognito refresh token (JWE, 5 parts)',
    input: `${b64({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })}.aaaa.bbbb.cccc.dddd`,
    want: {
      ...base, kind: 'jwe', raw: `${b64({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })}.aaaa.bbbb.cccc.dddd`,
      header: { cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' },
      notes: [
        'encrypted token (JWE, alg RSA-OAEP, enc A256GCM): only the header can be read; the contents are encrypted for the issuer',
        'this has the shape of a Cognito refresh token, which Cognito encrypts for itself; no one else can read or verify it',
      ],
    },
  },
  {
    name: 'an opaque refresh token',
    input: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
    want: {
      ...base, kind: 'opaque', raw: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
      notes: ['opaque token (no dots): not a JWT, so it cannot be decoded locally; only its issuer knows what it means (for example via token introspection)'],
    },
  },
  {
    name: 'an Authorization header line with quotes and a wrapped line',
    input: `  Authorization: Bearer "${GOOD.slice(0, 30)}\n${GOOD.slice(30)}"  `,
    want: {
      ...base, kind: 'jwt', raw: GOOD, header: RS_HEADER, payload: accessPayload(), signaturePresent: true,
      notes: ['removed an "Authorization:" label', 'removed a "Bearer " prefix', 'removed surrounding quotes', 'removed 1 whitespace character(s) inside the token (line breaks from wrapping?)'],
    },
  },
  {
    name: 'standard base64 and padding: still decoded, but named',
    input: `${H}.${b64({ a: '??>' })}==.c2ln`,
    want: {
      ...base, kind: 'jwt', raw: `${H}.${b64({ a: '??>' })}==.c2ln`, header: RS_HEADER, payload: { a: '??>' }, signaturePresent: true,
      problems: [{ part: 'payload', offset: H.length + 1 + b64({ a: '??>' }).length, message: `payload has '=' padding at character ${H.length + 1 + b64({ a: '??>' }).length}; JWTs use unpadded base64url` }],
    },
  },
  {
    name: 'one part that is base64url JSON (a piece of a JWT)',
    input: P,
    want: {
      ...base, kind: 'not-a-jwt', raw: P, header: accessPayload(),
      problems: [{ part: 'token', message: 'expected 3 dot-separated parts, found 1' }],
      notes: ['the input decodes to a JSON object: it looks like one part of a JWT, not a whole one'],
    },
  },
  {
    name: 'prose',
    input: 'hello, world',
    want: { ...base, kind: 'not-a-jwt', raw: 'hello,world', problems: [{ part: 'token', offset: 5, message: "not a token: expected 3 dot-separated parts, found 1; it contains ',' at character 5" }], notes: ['removed 1 whitespace character(s) inside the token (line breaks from wrapping?)'] },
  },
  {
    name: 'a payload cut short: the claims before the cut are recovered',
    input: `${H}.${b64('{"sub":"a","exp":1,"email":"ana@exa')}.c2ln`,
    want: {
      ...base, kind: 'jwt', raw: `${H}.${b64('{"sub":"a","exp":1,"email":"ana@exa')}.c2ln`, header: RS_HEADER, signaturePresent: true,
      payload: { sub: 'a', exp: 1, email: 'ana@exa' }, payloadText: '{"sub":"a","exp":1,"email":"ana@exa',
      problems: [
        { part: 'payload', message: `payload is not JSON: ${jsonError('{"sub":"a","exp":1,"email":"ana@exa')}` },
        { part: 'payload', message: 'payload looks cut short (was the token truncated when copied?); showing the 3 claim(s) recovered, the last may be incomplete' },
      ],
    },
  },
  {
    name: 'a version number is three parts but not a JWT',
    input: '1.2.3',
    want: {
      ...base, kind: 'not-a-jwt', raw: '1.2.3', signaturePresent: true,
      problems: [
        { part: 'header', message: 'header has 1 base64url characters, which no byte string encodes to: a character is missing or extra' },
        { part: 'header', message: `header is not JSON: ${jsonError('')}` },
        { part: 'payload', message: 'payload has 1 base64url characters, which no byte string encodes to: a character is missing or extra' },
        { part: 'payload', message: `payload is not JSON: ${jsonError('')}` },
        { part: 'signature', message: 'signature has 1 base64url characters, which no byte string encodes to: a character is missing or extra' },
      ],
      headerText: '', payloadText: '',
    },
  },
];

describe('decodeToken', () => {
  it.each(cases)('$name', ({ input, want }) => {
    expect(decodeToken(input)).toEqual(want);
  });

  it('refuses inputs over the size cap without processing them', () => {
    const input = 'a'.repeat(MAX_TOKEN_CHARS + 1);
    expect(decodeToken(input)).toEqual({
      ...base, kind: 'not-a-jwt', raw: '',
      problems: [{ part: 'token', message: `input is ${MAX_TOKEN_CHARS + 1} characters; inputs over ${MAX_TOKEN_CHARS} characters are not decoded` }],
    });
  });

  it('prunes hostile nesting instead of overflowing a printer', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 2000; i += 1) deep = [deep];
    const d = decodeToken(jwt(RS_HEADER, { sub: 'a', deep }));
    expect(d.problems).toEqual([{ part: 'payload', message: 'payload nests JSON deeper than 32 levels; deeper values are replaced by "[nested too deep]"' }]);
    let v: unknown = d.payload?.['deep'];
    let depth = 1;
    while (Array.isArray(v)) {
      v = v[0];
      depth += 1;
    }
    expect({ sub: d.payload?.['sub'], depth, leaf: v }).toEqual({ sub: 'a', depth: 32, leaf: '[nested too deep]' });
  });

  it('keeps a claim named __proto__ as a plain claim', () => {
    const d = decodeToken(`${H}.${b64('{"__proto__":{"admin":true},"sub":"a"}')}.c2ln`);
    expect(Object.keys(d.payload ?? {})).toEqual(['__proto__', 'sub']);
    expect((d.payload as { admin?: unknown }).admin).toBeUndefined();
  });
});
