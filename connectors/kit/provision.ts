// First start of a connector: an account on the issuer, the connector's own WebID linked to it,
// client credentials for that WebID; all kept in the data directory for later starts.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredCredentials { issuer: string; webId: string; clientId: string; clientSecret: string }

export interface ProvisionOptions {
  /** The issuer (our pod server's base URL): its account API is under `.account/`. */
  issuerBase: string;
  /** The connector's own WebID, on its own origin, served by the kit's profile router. */
  webId: string;
  /** Puts a registration token into the served profile (undefined takes it out again). */
  profile: (token: string | undefined) => void;
  dataDir: string;
  /** The account to use or create: a pod name and email; a password when the operator made it. */
  account: { podName: string; email: string; password?: string };
  /** A label for the credentials, shown on the account page. */
  clientName?: string;
  fetch?: typeof fetch;
}

interface State { account?: { email: string; password: string; issuer: string }; credentials?: StoredCredentials }

const FILE = 'agent-credentials.json';

/**
 * Reuses stored credentials for this issuer and WebID; otherwise does the whole dance and stores
 * what it made (mode 0600) after each step, so a start that fails half-way resumes there.
 */
export async function provisionCredentials(options: ProvisionOptions): Promise<StoredCredentials> {
  const f = options.fetch ?? fetch;
  const issuer = options.issuerBase.endsWith('/') ? options.issuerBase : `${options.issuerBase}/`;
  const file = join(options.dataDir, FILE);
  const state = await readState(file);
  const stored = state.credentials;
  if (stored && stored.issuer === issuer && stored.webId === options.webId) return stored;

  let account = state.account?.issuer === issuer ? state.account : undefined;
  if (!account) {
    if (options.account.password) account = { email: options.account.email, password: options.account.password, issuer };
    else {
      account = { email: options.account.email, password: randomBytes(24).toString('base64url'), issuer };
      const created = await post(f, `${issuer}.account/pods`, { name: options.account.podName, email: account.email, password: account.password });
      if (created.status === 409) throw new Error(`an account ${account.email} or pod ${options.account.podName} already exists on ${issuer}; give its password in the configuration`);
      await expectStatus(created, [201], 'creating the account');
    }
    await writeState(file, { account });
  }

  const auth = `Basic ${Buffer.from(`${account.email}:${account.password}`).toString('base64')}`;
  const first = await post(f, `${issuer}.account/webids`, { webId: options.webId }, auth);
  await expectStatus(first, [200, 201, 202], `linking ${options.webId}`);
  const challenge = (await first.json()) as { linked: boolean; token?: string };
  if (!challenge.linked) {
    if (!challenge.token) throw new Error('the issuer gave no registration token');
    options.profile(challenge.token);
    try {
      await expectStatus(await post(f, `${issuer}.account/webids`, { webId: options.webId }, auth), [200, 201], `proving ${options.webId}`);
    } finally {
      options.profile(undefined);
    }
  }

  const made = await post(f, `${issuer}.account/credentials`, { name: options.clientName ?? 'connector', webId: options.webId }, auth);
  await expectStatus(made, [201], 'creating client credentials');
  const body = (await made.json()) as { clientId: string; clientSecret: string; webId: string };
  const credentials: StoredCredentials = { issuer, webId: body.webId, clientId: body.clientId, clientSecret: body.clientSecret };
  await writeState(file, { account, credentials });
  return credentials;
}

function post(f: typeof fetch, url: string, body: unknown, authorization?: string): Promise<Response> {
  return f(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

async function expectStatus(response: Response, ok: number[], doing: string): Promise<void> {
  if (ok.includes(response.status)) return;
  const text = await response.text().catch(() => '');
  throw new Error(`${doing}: ${response.status} ${text.slice(0, 500)}`);
}

async function readState(file: string): Promise<State> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as State;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file} is unreadable (${(error as Error).message}); move it away to provision again`);
  }
}

/** Written to a temporary file first, then renamed: never half a secret on disk. */
async function writeState(file: string, state: State): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
