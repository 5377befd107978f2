// The jobs aggregator's composition root: every part wired by hand, here and nowhere else.
import express, { type Express } from 'express';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fromJobSearch, getTaxonomy, type TaxonomyIndex } from '../../vocab/index.ts';
import { errorHandler } from '../../service-kit/http/error-handler.ts';
import { applyCors } from '../../service-kit/http/cors.ts';
import { rateLimit } from '../../service-kit/http/rate-limit.ts';
import { listen } from '../../service-kit/listen.ts';
import { createLogger, type Logger } from '../../service-kit/log.ts';
import { SolidOidcVerifier } from '../../service-kit/solid-oidc/solid-oidc.ts';
import type { Agent } from '../kit/index.ts';
import { createAlerts, type Alerts } from './alerts/alerts.ts';
import type { JobsConfig } from './config.ts';
import { createEnricher } from './enrich/index.ts';
import { adsRoutes } from './http/ads-routes.ts';
import { enrichRoute } from './http/enrich-route.ts';
import { streamRoutes } from './http/stream-routes.ts';
import { createSource, parseSourcesConfig } from './ingest/sources/config.ts';
import { SourcePoller, type PullReport } from './ingest/sources/poller.ts';
import { AdPipeline } from './pipeline.ts';
import { SqliteAdStore } from './store/sqlite.ts';
import type { AdRecord, AdStore } from './store/types.ts';

export interface JobsService {
  app: Express;
  /** Builds the enrichment indexes now (a few hundred ms), so that no request waits for them. */
  warmUp(): void;
  config: JobsConfig;
  store: AdStore;
  pipeline: AdPipeline;
  /** Job alerts, when the service runs as an agent of its own (see JobsServiceParts.agent). */
  alerts?: Alerts;
  log: Logger;
  /** Pulls every configured source once now (tests, and an operator's "refresh"). */
  pollSources(): Promise<PullReport[]>;
  /** Starts listening (and the source poller); resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface JobsServiceParts {
  store?: AdStore;
  taxonomy?: TaxonomyIndex;
  log?: Logger;
  fetch?: typeof fetch;
  /** Told of every new ad once it is stored. */
  onNewAds?: (ads: AdRecord[]) => void;
  /**
   * The aggregator's own agent (connectors/kit): its WebID profile and inbox are served, and
   * consented job alerts run on it. Without one the aggregator publishes ads only.
   */
  agent?: Agent;
}

export function createJobsService(config: JobsConfig, parts: JobsServiceParts = {}): JobsService {
  const log = parts.log ?? createLogger('jobs');
  const taxonomy = parts.taxonomy ?? getTaxonomy();
  const store = parts.store ?? new SqliteAdStore(join(config.dataDir, 'ads.sqlite'));
  const enricher = createEnricher(taxonomy);
  const adUrl = (id: string) => new URL(`ads/${encodeURIComponent(id)}`, config.baseUrl).href;
  const { agent } = parts;
  const alerts = agent && createAlerts({ agent, dataDir: config.dataDir, taxonomy, adUrl, log, sweepEveryMs: 15 * 60_000 });
  const onNewAds = (ads: AdRecord[]) => {
    parts.onNewAds?.(ads);
    alerts?.notifyNewAds(ads.map((record) => fromJobSearch(record.ad))).catch((error) => log.warn({ err: error }, 'alerts: a run failed'));
  };
  const pipeline = new AdPipeline({ store, taxonomy, enricher, adUrl, onNewAds });
  // Sources the aggregator pulls (JOBS_SOURCES); a failing one is retried without stopping the rest.
  const sources = parseSourcesConfig(config.sources).map((source) => createSource(source, taxonomy));
  const poller = sources.length ? new SourcePoller({
    sources, sink: pipeline, intervalSeconds: config.sourceIntervalSeconds,
    log: { info: (message) => log.info(message), warn: (message) => log.warn(message) },
  }) : undefined;
  const credentials = new SolidOidcVerifier({ baseUrl: config.baseUrl, trustedIssuers: config.trustedIssuers, fetch: parts.fetch });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => { if (!applyCors(req, res)) next(); });
  if (agent && alerts) {
    app.use(agent.router);
    app.use(alerts.router);
  }
  app.get('/healthz', async (_req, res) => { res.json({ status: 'ok', ads: await store.counts() }); });
  app.use(adsRoutes({
    baseUrl: config.baseUrl, store, pipeline, taxonomy, credentials,
    publishLimit: rateLimit({ points: config.adsPerPublisherPerHour, seconds: 3600, what: 'ads from this publisher this hour' }),
    maxBodyBytes: config.maxBodyBytes, maxAdsPerRequest: config.maxAdsPerRequest,
  }));
  app.use(streamRoutes({
    store, taxonomy, limits: {
      snapshots: rateLimit({ points: config.snapshotsPerHour, seconds: 3600, what: 'snapshots from this address this hour' }),
      streams: rateLimit({ points: config.streamsPerMinute, seconds: 60, what: 'stream requests from this address this minute' }),
    },
  }));
  app.use(enrichRoute({ enricher, limit: rateLimit({ points: config.enrichPerMinute, seconds: 60, what: 'enrichment requests from this address' }) }));
  app.use((req, res) => { res.status(404).json({ error: 'not_found', message: `Nothing at ${req.method} ${req.path}` }); });
  app.use(errorHandler((message) => log.error(message)));

  const server: Server = createServer(app);
  return {
    app, config, store, pipeline, alerts, log,
    warmUp: () => { enricher.enrich({ headline: 'Undersköterska', text: 'B-körkort' }); },
    pollSources: async () => (poller ? poller.pollOnce() : []),
    async listen() {
      const port = await listen(server, config.port);
      poller?.start();
      // The issuer reads the agent's profile while provisioning it, so the agent starts once we listen.
      // An issuer that is down or refuses us stops the alerts, not the aggregator.
      if (agent) await agent.start().catch((error) => log.error({ err: error }, `job alerts are off: the agent could not start on ${config.issuer}`));
      return port;
    },
    async close() {
      await poller?.stop();
      await alerts?.close();
      await agent?.close();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      await store.close();
    },
  };
}
