import { configFromEnv, normalizeBaseUrl } from '../pod-server/config.ts';
import { createPodServer } from '../pod-server/server.ts';
import { freePort, stopOnSignals } from '../service-kit/listen.ts';
import { startConnector } from './services.ts';

/** `npm start`: the pod server, then the connectors beside it, configured from the environment (see README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  // With PORT=0 a free port is chosen first: the identity provider's issuer must be known before it starts.
  if (config.port === 0) {
    config.port = await freePort();
    if (!process.env.BASE_URL) config.baseUrl = normalizeBaseUrl(`http://localhost:${config.port}/`);
  }
  const server = await createPodServer(config);
  await server.listen().catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`port ${config.port} is in use`);
    if (error.code === 'EACCES') throw new Error(`port ${config.port} needs privileges this process does not have`);
    throw error;
  });
  console.log(`listening on ${config.baseUrl}`);
  // JOBS_PORT=off runs the pod server alone.
  const connectors = process.env.JOBS_PORT === 'off' ? [] : [
    startConnector('jobs', { ...process.env, BASE_URL: config.baseUrl }),
  ];
  stopOnSignals(async () => {
    await Promise.all(connectors.map((connector) => connector.stop()));
    await server.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
