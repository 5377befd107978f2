import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The browser the browser tests drive. CHROMIUM_PATH overrides it (any Chromium or Chrome);
 * otherwise the headless Chromium that `npm install` brought in @sparticuz/chromium is used:
 * its first use unpacks it to the temporary directory (`/tmp/chromium`, about 2 s), later
 * uses find it there. No system browser and no download are needed.
 */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const packaged = (await import('@sparticuz/chromium')).default;
  return packaged.executablePath();
}

// Chosen by hand, not the package's own `args`: those turn off web security, site isolation and
// the multi-process model, which would make the CORS and consent-page tests prove nothing.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
  '--disable-domain-reliability', '--no-pings',
  // The packaged build renders through SwiftShader (unpacked beside it); with the GPU off this is what it falls back to.
  '--use-angle=swiftshader',
];

/** A headless Chromium with a fresh profile that is removed afterwards. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = await chromiumPath();
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
