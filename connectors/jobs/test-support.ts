// Starting a real aggregator for a test: its own origin on a free port, its own data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../service-kit/listen.ts';
import { createLogger } from '../../service-kit/log.ts';
import { jobsConfigFromEnv, type JobsConfig } from './config.ts';
import { createJobsService, type JobsService, type JobsServiceParts } from './service.ts';

export interface TestJobs { service: JobsService; baseUrl: string; dataDir: string; stop(options?: { keepData?: boolean }): Promise<void> }

export async function startTestJobs(options: { trustedIssuers?: string[]; dataDir?: string; config?: Partial<JobsConfig>; parts?: JobsServiceParts; poll?: boolean } = {}): Promise<TestJobs> {
  const dataDir = options.dataDir ?? await mkdtemp(join(tmpdir(), 'jobs-test-'));
  const port = await freePort();
  const config: JobsConfig = {
    ...jobsConfigFromEnv({ JOBS_PORT: String(port), JOBS_DATA_DIR: dataDir }),
    trustedIssuers: options.trustedIssuers ?? [],
    ...options.config,
  };
  const service = createJobsService(config, { log: createLogger('jobs', 'silent'), ...options.parts });
  await service.listen();
  return {
    service, baseUrl: config.baseUrl, dataDir,
    async stop({ keepData = false } = {}) {
      await service.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
