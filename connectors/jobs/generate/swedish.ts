// Swedish forms of occupation names as ads use them: "Vi söker undersköterskor", "Sjuksköterskan
// ansvarar för", "som lagerarbetare". Only the head word (first word before a comma or slash) is
// inflected; labels whose head word we cannot inflect get the forms undefined and the text templates
// fall back to phrasings that need no inflection.

/** Head-word endings -> [indefinite plural ending, definite singular ending], longest first. */
const ENDINGS: ReadonlyArray<readonly [string, string, string]> = [
  ['erska', 'erskor', 'erskan'], ['ska', 'skor', 'skan'], ['inna', 'innor', 'innan'],
  ['tekniker', 'tekniker', 'teknikern'], ['iker', 'iker', 'ikern'], ['gner', 'gner', 'gnern'],
  ['are', 'are', 'aren'], ['ling', 'lingar', 'lingen'], ['räde', 'räden', 'rädet'], ['arie', 'arier', 'arien'],
  ['ator', 'atorer', 'atorn'], ['ör', 'örer', 'ören'], ['ent', 'enter', 'enten'], ['ant', 'anter', 'anten'],
  ['log', 'loger', 'logen'], ['agog', 'agoger', 'agogen'], ['ist', 'ister', 'isten'], ['peut', 'peuter', 'peuten'],
  ['sult', 'sulter', 'sulten'], ['vakt', 'vakter', 'vakten'], ['onom', 'onomer', 'onomen'], ['graf', 'grafer', 'grafen'],
  ['chef', 'chefer', 'chefen'], ['man', 'män', 'mannen'], ['kock', 'kockar', 'kocken'], ['läkare', 'läkare', 'läkaren'],
];

export interface OccupationForms {
  /** As a headline writes it: "Undersköterska, hemtjänst" -> "Undersköterska". */
  title: string;
  /** In running text, indefinite singular: "undersköterska". */
  singular: string;
  /** Indefinite plural ("undersköterskor"), when the head word's ending is known. */
  plural?: string;
  /** Definite singular ("undersköterskan"). */
  definite?: string;
  /** What follows the comma of the label, e.g. "hemtjänst". */
  qualifier?: string;
}

/** Lower-cases the first letter unless the word starts with an acronym ("AT-läkare", "SFI-lärare"). */
export function inText(word: string): string {
  return word.length > 1 && word[1] === word[1].toLowerCase() ? word[0].toLowerCase() + word.slice(1) : word;
}

export function occupationForms(label: string): OccupationForms {
  const [head, ...rest] = label.split(',');
  const title = head.split('/')[0].trim();
  const qualifier = rest.join(',').trim() || undefined;
  const words = title.split(' ');
  const first = words[0];
  const tail = words.slice(1).join(' ');
  const singular = inText(title);
  // An adjective first ("Personlig assistent") would need agreement too; leave such labels uninflected.
  const ending = /(ig|isk|ad)$/.test(first) ? undefined : ENDINGS.find(([e]) => first.toLowerCase().endsWith(e));
  if (!ending) return { title, singular, qualifier };
  const stem = inText(first).slice(0, -ending[0].length);
  const join = (w: string) => (tail ? `${w} ${tail}` : w);
  return { title, singular, plural: join(stem + ending[1]), definite: join(stem + ending[2]), qualifier };
}

/** "Backend-utvecklare" is also written "backendutvecklare"; other words are unchanged. */
export function closedCompound(word: string): string {
  const m = /^(\p{L}\p{Ll}+)-(\p{Ll}\p{L}*)$/u.exec(word);
  return m ? (m[1] + m[2]).toLowerCase() : word;
}

/** "a", "a och b", "a, b och c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** A skill label as text writes it: "Linux, operativsystem" -> "Linux", "Truckvana" -> "truckvana". */
export function skillTerm(label: string): string {
  const head = label.split(',')[0].replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return inText(head);
}
