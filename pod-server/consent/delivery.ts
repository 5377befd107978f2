import { randomUUID } from 'node:crypto';
import type { AccessControl } from '../auth/access-control.ts';
import { BadRequest } from '../../service-kit/errors.ts';
import { pathForUrl } from '../ldp/paths.ts';
import { parseRdf } from '../rdf/parse.ts';
import type { ResourceStore } from '../storage/store.ts';
import { boundedText } from '../../service-kit/http/bounded-text.ts';

const LDP_INBOX = 'http://www.w3.org/ns/ldp#inbox';
// What a profile calls its subject, as the consent pages show it.
const NAME_PREDICATES = ['http://xmlns.com/foaf/0.1/name', 'http://schema.org/name', 'http://www.w3.org/2006/vcard/ns#fn', 'http://www.w3.org/2006/vcard/ns#organization-name'];
const TIMEOUT_MS = 5000;
// A WebID profile is a small document; a requester's server cannot make us hold a large one.
const MAX_PROFILE_BYTES = 256 * 1024;

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
  readonly #delivered: (path: string) => void;

  constructor(options: {
    store: ResourceStore; access: AccessControl; baseUrl: string; fetch?: (url: string, init?: RequestInit) => Promise<Response>;
    /** Told of each notification written into an inbox on this server (so the inbox's usage counts it). */
    delivered?: (path: string) => void;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#baseUrl = options.baseUrl;
    this.#post = options.fetch ?? fetch;
    this.#delivered = options.delivered ?? (() => {});
  }

  /** Checks replyTo against the requester's profile; returns the name the profile claims, if any. */
  async checkReplyTo(webId: string, replyTo: string): Promise<{ name?: string }> {
    const profile = await this.#profile(webId);
    if (!profile.inboxes.includes(replyTo)) {
      throw new BadRequest(`replyTo must be the ldp:inbox named in ${webId}'s profile (${profile.inboxes.join(', ') || 'none found'}), not ${replyTo}`, 'reply_to_not_inbox');
    }
    return { name: profile.name };
  }

  async deliver(inboxUrl: string, turtle: string): Promise<void> {
    const inboxPath = pathForUrl(this.#baseUrl, inboxUrl);
    if (inboxPath !== undefined) {
      const path = `${inboxPath}${randomUUID()}`;
      await this.#store.write(path, Buffer.from(turtle), 'text/turtle');
      this.#access.invalidate(path);
      this.#delivered(path);
      return;
    }
    const response = await this.#post(inboxUrl, { method: 'POST', headers: { 'content-type': 'text/turtle' }, body: turtle, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`${inboxUrl} answered ${response.status}`);
  }

  async #profile(webId: string): Promise<{ inboxes: string[]; name?: string }> {
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
        if (response.ok) { text = await boundedText(response, MAX_PROFILE_BYTES); type = response.headers.get('content-type') ?? type; }
      } catch { /* unreachable profile: no inbox */ }
    }
    if (!text) return { inboxes: [] };
    try {
      const about = (await parseRdf(text, type, documentUrl)).filter((q) => q.subject.value === webId);
      // The first name predicate in NAME_PREDICATES' order that the profile uses (foaf:name first).
      const name = NAME_PREDICATES.map((predicate) => about.find((q) => q.predicate.value === predicate && q.object.termType === 'Literal')?.object.value).find(Boolean);
      return { inboxes: about.filter((q) => q.predicate.value === LDP_INBOX).map((q) => q.object.value), name };
    } catch {
      return { inboxes: [] };
    }
  }
}
