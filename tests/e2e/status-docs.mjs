// Bitstring Status List documents for the end-to-end tests, made at run time because they name
// the test server's port: two OB 3.0 VC-JWTs (list index 3, revoked; index 4, not) and their
// status list, a VC-JWT whose encodedList is GZIP (node's zlib) — in the app it is inflated by
// the browser's DecompressionStream. Signed with the same fixed-seed Ed25519 did:key as the
// committed fixtures (tests/app_fixtures.rs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const VALID_JWT = fs.readFileSync(path.join(here, '..', 'fixtures', 'e2e', 'teamwork-valid.jwt'), 'utf8').trim();

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const key = crypto.createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 42)]),
  format: 'der',
  type: 'pkcs8',
});

function base58btc(bytes) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let out = '';
  while (n > 0n) { out = alphabet[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}

const publicKey = Buffer.from(crypto.createPublicKey(key).export({ format: 'jwk' }).x, 'base64url');
export const DID = `did:key:z${base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), publicKey]))}`;

function sign(payload) {
  const header = { alg: 'EdDSA', typ: 'JWT', kid: `${DID}#${DID.slice(8)}` };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(crypto.sign(null, Buffer.from(input), key))}`;
}

/**
 * path → {type, body, headers} for serve(): /status/{revoked,valid}.jwt on /status/list.jwt, and
 * /status/bomb.jwt on /status/bomb-list.jwt, whose list inflates to 17 MB (over the 16 MB cap).
 */
export function statusDocs(baseUrl) {
  const bits = Buffer.alloc(16 * 1024); // 131,072 entries, the spec's minimum
  bits[0] = 0b0001_0000; // index 3 (index 0 is the most significant bit of byte 0)
  const doc = (body) => ({ type: 'text/plain', body, headers: { 'access-control-allow-origin': '*' } });
  return {
    ...listDocs(`${baseUrl}/status/list.jwt`, bits, { revoked: 3, valid: 4 }, doc),
    ...listDocs(`${baseUrl}/status/bomb-list.jwt`, Buffer.alloc(17 * 1024 * 1024), { bomb: 5 }, doc),
  };
}

function listDocs(listUrl, bits, credentials, doc) {
  const list = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: DID,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: {
      id: `${listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: `u${b64url(zlib.gzipSync(bits))}`,
    },
    iss: DID,
    jti: listUrl,
    nbf: 1704067200,
  };
  const credential = (index) => {
    const c = JSON.parse(Buffer.from(VALID_JWT.split('.')[1], 'base64url'));
    c.credentialStatus = {
      id: `${listUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: listUrl,
    };
    return sign(c);
  };
  const docs = { [new URL(listUrl).pathname]: doc(sign(list)) };
  for (const [name, index] of Object.entries(credentials)) docs[`/status/${name}.jwt`] = doc(credential(index));
  return docs;
}

/** Signs a JWT payload with the fixtures' did:key (issue #19's embed test makes its own badges). */
export const signJwt = sign;
