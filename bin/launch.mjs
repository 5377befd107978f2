// `npm start`: runs the bundled server (dist/start.mjs) in this very process, rebuilding the
// bundle first only when its sources changed since it was built. The start script execs node
// (no shell left in between), so a signal sent to `npm start` reaches the server's own handlers.
import { staleReason } from './bundle-state.mjs';

const reason = staleReason();
if (reason) {
  // esbuild is a dev dependency: load it only when there is something to build.
  const build = await import('./build.mjs').catch((error) => {
    console.error(`the server bundle must be built (${reason}) but the build tool is missing: run npm install (${error.message})`);
    process.exit(1);
  });
  console.log(`building the server bundle (${reason})`);
  await build.buildBundle();
}
process.setSourceMapsEnabled(true);
await import('../dist/start.mjs');
