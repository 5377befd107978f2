// The jobs aggregator on its own: `JOBS_PORT=3001 node bin/start-jobs.ts`, or started by bin/start.ts.
import { mkdirSync } from 'node:fs';
import { freePort, stopOnSignals } from '../service-kit/listen.ts';
import { jobsConfigFromEnv } from '../connectors/jobs/config.ts';
import { createJobsService } from '../connectors/jobs/service.ts';
import { createAgent } from '../connectors/kit/index.ts';
import { seedOnFirstStart } from '../connectors/jobs/seed/seed.ts';
import { getTaxonomy } from '../vocab/index.ts';

async function main(): Promise<void> {
  const env = { ...process.env };
  // JOBS_PORT=0 picks a free port; the service's URL must be known before it starts.
  if (env.JOBS_PORT === '0') env.JOBS_PORT = String(await freePort());
  const config = jobsConfigFromEnv(env);
  mkdirSync(config.dataDir, { recursive: true });
  const agent = config.alerts ? createAgent({
    origin: config.baseUrl.replace(/\/$/, ''), name: 'Jobtech jobs', issuer: config.issuer, trustedIssuers: [config.issuer],
    dataDir: config.dataDir, account: { podName: 'jobs-aggregator', email: 'jobs-aggregator@localhost.invalid' },
  }) : undefined;
  const service = createJobsService(config, { agent });
  service.warmUp();
  await service.listen();
  console.log(`jobs listening on ${config.baseUrl}`);
  stopOnSignals(() => service.close());
  const generated = Number(process.env.JOBS_SEED_GENERATED ?? 3000);
  if (process.env.JOBS_SEED !== 'off') {
    const seeded = await seedOnFirstStart({ dataDir: config.dataDir, sink: service.pipeline, taxonomy: getTaxonomy(), generated });
    if (seeded) service.log.info({ ads: seeded.filter((o) => o.status !== 'rejected').length }, 'first start: loaded the sample and generated ads');
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
