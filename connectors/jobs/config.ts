// The aggregator's settings from the environment (see README), each refused with a reason.
import { resolve } from 'node:path';
import { baseUrl, port, wholeNumber } from '../../service-kit/config.ts';
import { parseSourcesConfig } from './ingest/sources/config.ts';

export interface JobsConfig {
  port: number;
  baseUrl: string;
  dataDir: string;
  /** The issuer the aggregator's own agent has its account on (by default the pod server). */
  issuer: string;
  /** Whether the aggregator runs as an agent with job alerts (JOBS_ALERTS=off turns them off). */
  alerts: boolean;
  /** Issuers whose Solid-OIDC tokens publishers may use. */
  trustedIssuers: string[];
  /** JOBS_SOURCES as written (parsed by ingest/sources). */
  sources?: string;
  sourceIntervalSeconds: number;
  maxBodyBytes: number;
  maxAdsPerRequest: number;
  adsPerPublisherPerHour: number;
  enrichPerMinute: number;
  snapshotsPerHour: number;
  streamsPerMinute: number;
}

export function jobsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  const listenPort = port(env, 'JOBS_PORT', 3001);
  parseSourcesConfig(env.JOBS_SOURCES); // refused here, at start, with the bad entry named
  const podBase = baseUrl(env.BASE_URL ?? `http://localhost:${env.PORT ?? 3000}/`, 'BASE_URL');
  return {
    port: listenPort,
    baseUrl: baseUrl(env.JOBS_BASE_URL ?? `http://localhost:${listenPort}/`, 'JOBS_BASE_URL'),
    // Beside the pod server's data, never inside it: a connector does not touch pod storage.
    dataDir: resolve(env.JOBS_DATA_DIR ?? `${(env.DATA_DIR ?? './data').replace(/\/+$/, '')}-jobs`),
    issuer: baseUrl(env.JOBS_ISSUER ?? podBase, 'JOBS_ISSUER'),
    alerts: env.JOBS_ALERTS !== 'off',
    trustedIssuers: (env.JOBS_TRUSTED_ISSUERS ?? podBase).split(/[\s,]+/).filter(Boolean).map((issuer) => baseUrl(issuer, 'JOBS_TRUSTED_ISSUERS')),
    sources: env.JOBS_SOURCES?.trim() || undefined,
    sourceIntervalSeconds: wholeNumber(env, 'JOBS_SOURCE_INTERVAL_SECONDS', 300) || 300,
    maxBodyBytes: wholeNumber(env, 'JOBS_MAX_BODY_BYTES', 5 * 1024 * 1024),
    maxAdsPerRequest: wholeNumber(env, 'JOBS_MAX_ADS_PER_REQUEST', 1000),
    adsPerPublisherPerHour: wholeNumber(env, 'JOBS_ADS_PER_PUBLISHER_PER_HOUR', 20_000),
    enrichPerMinute: wholeNumber(env, 'JOBS_ENRICH_PER_MINUTE', 600),
    snapshotsPerHour: wholeNumber(env, 'JOBS_SNAPSHOTS_PER_HOUR', 60),
    streamsPerMinute: wholeNumber(env, 'JOBS_STREAMS_PER_MINUTE', 120),
  };
}
