import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import type { DpopKey } from '../test-support/identity.ts';

export interface Measurement { rps: number; p50: number; p99: number; errors: number; note?: string }

/**
 * autocannon with one pre-signed proof per request, for load.seconds (not a request count: a slow
 * server would otherwise run for minutes and outlive the proofs' age limit). If the proofs run
 * out first the run stops at the next one-second tick, replaying the last proof until then, and
 * the row says so: raise BENCH_PROOFS.
 */
export async function preSigned(url: string, token: string, key: DpopKey, load: { connections: number; seconds: number }): Promise<Measurement> {
  const count = Number(process.env.BENCH_PROOFS ?? 60_000);
  const iat = Math.floor(Date.now() / 1000);
  const proofs: string[] = [];
  for (let i = 0; i < count; i++) {
    proofs.push(await new SignJWT({ htm: 'GET', htu: url, jti: randomUUID(), iat }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk }).sign(key.privateKey));
  }
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: new URL(url).origin, connections: load.connections, duration: load.seconds,
      requests: [{
        method: 'GET', path: new URL(url).pathname,
        setupRequest: (request) => {
          if (next === count - load.connections) instance.stop();
          return { ...request, headers: { accept: 'text/turtle', authorization: `DPoP ${token}`, dpop: proofs[Math.min(next++, count - 1)] } };
        },
      }],
    }, (error, done) => (error ? reject(error) : resolve(done)));
  });
  const note = next >= count - load.connections ? `proofs ran out after ${result.duration.toFixed(0)} s, raise BENCH_PROOFS` : undefined;
  // requests.average counts whole seconds; the total over the exact duration is finer.
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts, note };
}
