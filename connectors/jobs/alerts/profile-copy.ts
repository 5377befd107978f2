// Reading the granted sections into the copy alerts keep: concept ids only, bounded.
import { parseDocument, readSection, type SectionName } from '../../../vocab/index.ts';
import type { Agent } from '../../kit/index.ts';
import { MAX_PROFILE_CONCEPTS } from './match.ts';
import type { AlertProfile } from './subscriptions.ts';

/** A section document larger than this is not read (a preferences section is a few KB). */
const MAX_SECTION_BYTES = 256 * 1024;

/** Reads preferences (and skills, when granted) under the consent; throws ConsentEnded when it has ended. */
export async function readAlertProfile(agent: Agent, record: string): Promise<AlertProfile> {
  const consent = agent.consent(record);
  if (!consent) throw new RangeError(`no consent ${record}`);
  const preferences = await section(agent, record, 'preferences');
  const cap = (ids: string[]) => ids.slice(0, MAX_PROFILE_CONCEPTS);
  const profile: AlertProfile = {
    occupations: cap(preferences.occupations), locations: cap(preferences.locations),
    employmentTypes: cap(preferences.employmentTypes), worktimeExtents: cap(preferences.worktimeExtents),
    ...(preferences.remote ? { remote: preferences.remote } : {}),
  };
  if (consent.claims.sections.includes('skills')) {
    const skills = await section(agent, record, 'skills').catch((error: Error) => {
      // A citizen without a skills document still gets alerts; an ended consent does not.
      if (error.name === 'ConsentEnded') throw error;
      return undefined;
    });
    if (skills) profile.skills = cap(skills.skills.map((s) => s.skill));
  }
  return profile;
}

async function section<K extends SectionName & ('preferences' | 'skills')>(agent: Agent, record: string, name: K) {
  const { url, contentType, body } = await agent.readSection(record, name);
  if (body.length > MAX_SECTION_BYTES) throw new Error(`the ${name} section is larger than ${MAX_SECTION_BYTES} bytes`);
  return readSection(name, await parseDocument(body, { contentType, baseIri: url }), url);
}
