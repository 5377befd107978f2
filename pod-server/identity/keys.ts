import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** The identity provider's secrets: token signing keys and cookie signing keys. */
export interface IdentityKeys {
  /** Private JWKs; the first of each alg signs. */
  signing: JWK[];
  cookies: string[];
}

/**
 * Loads the keys from `file`, or creates and saves them on first start, so tokens issued
 * before a restart still verify after it. Without a file (memory storage) they live as
 * long as the process.
 */
export async function loadOrCreateKeys(file: string | undefined): Promise<IdentityKeys> {
  if (file) {
    const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing) return parseKeys(existing, file);
  }
  const keys: IdentityKeys = { signing: [await newKey('ES256'), await newKey('RS256')], cookies: [randomBytes(32).toString('base64url')] };
  if (file) {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(keys, null, 2), { mode: 0o600 });
    await rename(temporary, file);
  }
  return keys;
}

async function newKey(alg: 'ES256' | 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: `${alg.toLowerCase()}-${randomBytes(6).toString('base64url')}` };
}

function parseKeys(text: string, file: string): IdentityKeys {
  const parsed = JSON.parse(text) as Partial<IdentityKeys>;
  if (!Array.isArray(parsed.signing) || parsed.signing.length === 0 || !Array.isArray(parsed.cookies) || parsed.cookies.length === 0) {
    throw new Error(`${file} does not hold identity keys (expected {signing, cookies})`);
  }
  return parsed as IdentityKeys;
}

/** The public half of the signing keys, as published at the JWKS endpoint. */
export function publicJwks(keys: IdentityKeys): { keys: JWK[] } {
  return { keys: keys.signing.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub) };
}
