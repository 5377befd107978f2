/**
 * An account, a pod and client credentials on a Community Solid Server 7, through its JSON
 * account API (/.account/), exactly as a script would: create the account, add a password
 * login, create a pod, then a client-credentials token for the pod's WebID.
 */
export interface CssCredentials { clientId: string; clientSecret: string; webId: string; podUrl: string; issuer: string }

interface Controls { controls: { password: { create: string }; account: { create: string; pod: string; clientCredentials: string } } }

export async function createCssPod(baseUrl: string, name: string): Promise<CssCredentials> {
  const index = new URL('.account/', baseUrl).href;
  const { authorization } = await post<{ authorization: string }>((await get<Controls>(index, {})).controls.account.create, {});
  const auth = { authorization: `CSS-Account-Token ${authorization}` };
  const { controls } = await get<Controls>(index, auth);
  await post(controls.password.create, { email: `${name}@example.org`, password: 'correct horse battery' }, auth);
  const pod = await post<{ pod: string; webId: string }>(controls.account.pod, { name }, auth);
  const credentials = await post<{ id: string; secret: string }>(controls.account.clientCredentials, { name: `${name}-bench`, webId: pod.webId }, auth);
  return { clientId: credentials.id, clientSecret: credentials.secret, webId: pod.webId, podUrl: pod.pod, issuer: baseUrl };
}

async function get<T>(url: string, headers: Record<string, string>): Promise<T> {
  return json<T>(url, await fetch(url, { headers: { accept: 'application/json', ...headers } }));
}

async function post<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return json<T>(url, await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) }));
}

async function json<T>(url: string, response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`CSS account API ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
