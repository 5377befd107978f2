import { randomUUID } from 'node:crypto';
import type { AccessControl } from '../auth/access-control.ts';
import { BadRequest } from '../errors.ts';
import { pathForUrl } from '../ldp/paths.ts';
import { parseRdf } from '../rdf/parse.ts';
import type { ResourceStore } from '../storage/store.ts';

const LDP_INBOX = 'http://www.w3.org/ns/ldp#inbox';
const TIMEOUT_MS = 5000;

/**
 * Notifications to requesters' inboxes. The server only ever posts to the inbox a requester's
 * own WebID profile names (checked when the request arrives), so a request cannot point the
 * server at an arbitrary URL. Inboxes on this server are written directly.
 */
export class InboxDelivery {
  readonly #store: ResourceStore;
  readonly #access: AccessControl;
  readonly #baseUrl: string;
  readonly #post: (url: string, init?: RequestInit) => Promise<Response>;

  constructor(options: { store: ResourceStore; access: AccessControl; baseUrl: string; fetch?: (url: string, init?: RequestInit) => Promise<Response> }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#baseUrl = options.baseUrl;
    this.#post = options.fetch ?? fetch;
  }

  async checkReplyTo(webId: string, replyTo: string): Promise<void> {
    const inboxes = await this.#profileInboxes(webId);
    if (!inboxes.includes(replyTo)) {
      throw new BadRequest(`replyTo must be the ldp:inbox named in ${webId}'s profile (${inboxes.join(', ') || 'none found'}), not ${replyTo}`, 'reply_to_not_inbox');
    }
  }

  async deliver(inboxUrl: string, turtle: string): Promise<void> {
    const inboxPath = pathForUrl(this.#baseUrl, inboxUrl);
    if (inboxPath !== undefined) {
      const path = `${inboxPath}${randomUUID()}`;
      await this.#store.write(path, Buffer.from(turtle), 'text/turtle');
      this.#access.invalidate(path);
      return;
    }
    const response = await this.#post(inboxUrl, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: turtle, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${inboxUrl} answered ${response.status}`);
  }

  async #profileInboxes(webId: string): Promise<string[]> {
    const documentUrl = webId.split('#')[0];
    const localPath = pathForUrl(this.#baseUrl, documentUrl);
    let text: string | undefined;
    let type = 'text/turtle';
    if (localPath !== undefined) {
      const resource = await this.#store.read(localPath);
      text = resource?.body.toString('utf8');
      type = resource?.contentType ?? type;
    } else {
      try {
        const response = await fetch(documentUrl, { headers: { accept: 'text/turtle' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (response.ok) { text = await response.text(); type = response.headers.get('content-type') ?? type; }
      } catch { /* unreachable profile: no inbox */ }
    }
    if (!text) return [];
    try {
      const quads = await parseRdf(text, type, documentUrl);
      return quads.filter((q) => q.subject.value === webId && q.predicate.value === LDP_INBOX).map((q) => q.object.value);
    } catch {
      return [];
    }
  }
}
