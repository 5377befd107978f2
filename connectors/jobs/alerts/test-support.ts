// For the alerts tests: the aggregator's agent and alerts on an origin of their own (a real HTTP
// server on a free port), provisioned on the given pod server through its account API.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { getTaxonomy } from '../../../vocab/index.ts';
import { freePort } from '../../../service-kit/listen.ts';
import { createAgent, type Agent } from '../../kit/index.ts';
import { createAlerts, type Alerts } from './alerts.ts';
import { SqliteSubscriptions } from './subscriptions.ts';

export interface AlertsOrigin { origin: string; agent: Agent; alerts: Alerts; store: SqliteSubscriptions; stop(): Promise<void> }

export async function startAlertsOrigin(issuer: string, podName: string, options: { inboxMaxBytes?: number } = {}): Promise<AlertsOrigin> {
  const dataDir = await mkdtemp(join(tmpdir(), 'alerts-'));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const agent = createAgent({
    origin, name: 'Jobtech jobs', issuer, dataDir, account: { podName, email: `${podName}@example.org` },
    ...(options.inboxMaxBytes ? { inbox: { maxBytes: options.inboxMaxBytes } } : {}), log: () => {},
  });
  const store = new SqliteSubscriptions(join(dataDir, 'alerts.sqlite'));
  const alerts = createAlerts({ agent, store, taxonomy: getTaxonomy(), adUrl: (id) => `${origin}/ads/${id}`, log: { info() {}, warn() {} } });
  const app = express();
  app.use(agent.router);
  app.use(alerts.router);
  const server = await new Promise<Server>((resolve) => { const s = app.listen(port, () => resolve(s)); });
  await agent.start();
  return {
    origin, agent, alerts, store,
    async stop() {
      await alerts.close();
      store.close();
      await agent.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
