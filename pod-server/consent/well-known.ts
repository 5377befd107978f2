import express, { type Router } from 'express';
import type { ConsentGate } from './gate.ts';

/** For anyone holding a receipt: the keys that sign receipts, and "is this consent still valid?". */
export function consentWellKnown(gate: ConsentGate): Router {
  const router = express.Router();
  router.get('/.well-known/consent-jwks', async (_req, res, next) => {
    try {
      res.set('Access-Control-Allow-Origin', '*').type('application/jwk-set+json').send(JSON.stringify(await (await gate.service()).jwks()));
    } catch (error) { next(error); }
  });
  router.options('/.well-known/consent-status', (req, res) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type' }).status(204).end();
  });
  router.post('/.well-known/consent-status', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      const status = await (await gate.service()).status((req.body as { receipt?: unknown } | undefined)?.receipt);
      res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' }).json(status);
    } catch (error) { next(error); }
  });
  return router;
}
