// The connector's inbox: Linked Data Notifications from authenticated senders only.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { Unauthorized, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { readBody } from '../../service-kit/http/body.ts';
import { rateLimit } from '../../service-kit/http/rate-limit.ts';
import type { CredentialsExtractor } from '../../service-kit/solid-oidc/credentials.ts';

export interface InboxOptions {
  /** The inbox URL (absolute, ending in '/'); its path is where the router listens. */
  url: string;
  /** Who is posting: a Solid-OIDC verifier that trusts the configured issuers. */
  verifier: CredentialsExtractor;
  /** Largest notification body in bytes (413 past it). */
  maxBytes: number;
  /** Notifications one sender WebID may post per hour (429 past it; 0: no limit). */
  perSenderPerHour: number;
  /** Called with each accepted notification before the 201 is sent; its errors are logged, not answered. */
  receive: (notification: ReceivedNotification) => Promise<void>;
  log: (message: string, error?: unknown) => void;
}

export interface ReceivedNotification { url: string; sender: string; contentType: string; body: string }

const RDF_TYPES = new Set(['text/turtle', 'application/ld+json', 'application/n-triples']);

/**
 * POST {inbox}: the sender must prove its WebID with Solid-OIDC (DPoP), stay within its hourly
 * budget and send RDF within the size cap; then 201 with a Location. Every check that needs no
 * body comes before the body is read, so a flood costs us little.
 */
export function inboxRouter(options: InboxOptions): Router {
  const path = new URL(options.url).pathname;
  const senders = rateLimit({ points: options.perSenderPerHour, seconds: 3600, what: 'notifications from this sender', code: 'inbox_sender_rate' });
  const router = express.Router();
  router.post(path, async (req, res) => {
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const credentials = await options.verifier.extract({ method: req.method, url: `${new URL(options.url).origin}${req.path}`, headers: req.headers });
    if (!credentials.webId) throw new Unauthorized('Only authenticated agents may post to this inbox: use Solid-OIDC (DPoP)', { 'WWW-Authenticate': `DPoP realm="${new URL(options.url).origin}/"` });
    // Refused POSTs count too: a sender cannot probe for free.
    await senders.consume(credentials.webId);
    if (!RDF_TYPES.has(contentType)) throw new UnsupportedMediaType(`Notifications are RDF: send ${[...RDF_TYPES].join(', ')}`);
    const body = (await readBody(req, options.maxBytes)).toString('utf8');
    const url = `${options.url}${randomUUID()}`;
    try {
      await options.receive({ url, sender: credentials.webId, contentType, body });
    } catch (error) {
      options.log(`inbox: could not handle a notification from ${credentials.webId}`, error);
    }
    res.status(201).location(url).end();
  });
  router.get(path, (_req: Request, res) => {
    // The inbox is write-only for others: what arrived is the connector's business.
    res.status(403).type('text/plain').send('This inbox accepts notifications (POST); it is not readable\n');
  });
  return router;
}
