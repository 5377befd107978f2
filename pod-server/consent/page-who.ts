import { html, type Html } from '../identity/html.ts';
import { TEXT, type Lang } from './page-text.ts';
import type { VerifiedOrganisation, VerifiedRegistry } from './verified-organisations.ts';

/** Who is asking, as the citizen is shown it: the registry's name, or the name recorded on arrival. */
export interface Who {
  webId: string;
  name: string;
  verified?: VerifiedOrganisation;
  /** Set when a self-declared name copies a verified organisation's. */
  impersonates?: VerifiedOrganisation;
  /** The recorded name (absent for requests stored before names were recorded, or with no name). */
  recorded?: string;
}

/** Never the requester's current profile: only what was recorded, or the operator's registry. */
export function who(webId: string, recordedName: string | undefined, registry: VerifiedRegistry): Who {
  const verified = registry.byWebId(webId);
  if (verified) return { webId, name: verified.name, verified, recorded: recordedName };
  return { webId, name: recordedName ?? webId, recorded: recordedName, impersonates: registry.impersonated(recordedName, webId) };
}

/** The badge of a verified organisation, or the note that the name is the sender's own claim. */
export function whoNote(w: Who, lang: Lang): Html {
  const t = TEXT[lang];
  if (w.verified) return html`<span class="badge" title="${t.verified}">✓ ${t.verified}: ${w.verified.name}, ${t.orgNumber} ${w.verified.organisationNumber}</span>`;
  const note = w.recorded ? html`<span class="self">(${t.selfDeclared})</span>` : html`<span class="self">(${t.noName})</span>`;
  return w.impersonates ? html`${note}<p class="warning" role="note">${t.impersonates(w.impersonates.name)}</p>` : note;
}
