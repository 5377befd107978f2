// `npm run import-ads -- <file|url> --format <jobsearch|legacy|jsonld|auto>`: loads ads into the
// aggregator's store (the same one the service uses; both may run at once).
import { join } from 'node:path';
import { jobsConfigFromEnv } from '../connectors/jobs/config.ts';
import { parseImportArgs, runImport, USAGE, UsageError } from '../connectors/jobs/cli/import-ads.ts';
import { createEnricher } from '../connectors/jobs/enrich/index.ts';
import { AdPipeline } from '../connectors/jobs/pipeline.ts';
import { SqliteAdStore } from '../connectors/jobs/store/sqlite.ts';
import { getTaxonomy } from '../vocab/index.ts';

async function main(argv: string[]): Promise<number> {
  let dataDir: string | undefined;
  try {
    dataDir = parseImportArgs(argv).dataDir;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const config = jobsConfigFromEnv(dataDir ? { ...process.env, JOBS_DATA_DIR: dataDir } : process.env);
  const taxonomy = getTaxonomy();
  const store = new SqliteAdStore(join(config.dataDir, 'ads.sqlite'));
  try {
    const pipeline = new AdPipeline({ store, taxonomy, enricher: createEnricher(taxonomy), adUrl: (id) => new URL(`ads/${encodeURIComponent(id)}`, config.baseUrl).href });
    return await runImport(argv, pipeline, { stdout: process.stdout, stderr: process.stderr });
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
