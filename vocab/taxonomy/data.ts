// Loads the shipped taxonomy copy (vocab/data/, see PROVENANCE.md). Synchronous and done once.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { NS } from '../terms.ts';

export interface Concept {
  id: string;
  /** JobTech type: skill, occupation-name, occupation-group, municipality, language, … */
  type: string;
  label: string;
  description?: string;
  legacyId?: string;
  broader?: string;
  lat?: number;
  lon?: number;
  countryCode?: string;
}

export type EscoRelation = 'exact' | 'close' | 'broad' | 'narrow';
export interface EscoMatch { relation: EscoRelation; uri: string; label: string }

const dataDir = new URL('../data/', import.meta.url);
const gunzipText = (name: string) => gunzipSync(readFileSync(new URL(name, dataDir))).toString('utf8');

export function loadConcepts(): Concept[] {
  return gunzipText('taxonomy-concepts.jsonl.gz').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Concept);
}

export function loadEscoMatches(): Map<string, EscoMatch[]> {
  const out = new Map<string, EscoMatch[]>();
  for (const line of gunzipText('esco-mappings.tsv.gz').split('\n')) {
    if (line === '') continue;
    const [id, relation, path, label] = line.split('\t');
    const list = out.get(id) ?? [];
    list.push({ relation: relation as EscoRelation, uri: NS.esco + path, label });
    out.set(id, list);
  }
  return out;
}
