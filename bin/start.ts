import { configFromEnv, normalizeBaseUrl } from '../pod-server/config.ts';
import { createPodServer } from '../pod-server/server.ts';

/** `npm start`: one pod server configured from the environment (see README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await createPodServer(config);
  const port = await server.listen();
  // With PORT=0 the base URL is only known once the port is bound.
  if (config.port === 0 && !process.env.BASE_URL) config.baseUrl = normalizeBaseUrl(`http://localhost:${port}/`);
  console.log(`listening on ${config.baseUrl}`);
  const stop = (signal: string) => {
    server.close().then(() => process.exit(0), (error) => { console.error(`error while stopping on ${signal}:`, error); process.exit(1); });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
