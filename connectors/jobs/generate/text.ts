// Swedish headline and ad text from templates. Each paragraph has several phrasings and its own
// slots (tasks, skills, qualities), so two vacancies of one employer differ in most sentences, while
// the employer's own paragraph repeats across its ads, as it does on real boards.
import type { Random } from './prng.ts';
import { closedCompound, listPhrase, type OccupationForms } from './swedish.ts';

export interface TextSlots {
  occupation: OccupationForms;
  fieldId: string;
  employer: string;
  about: string;
  municipality: string;
  vacancies: number;
  mustSkills: string[];
  niceSkills: string[];
  languages: { must: string[]; nice: string[] };
  licences: string[];
  employmentType: string;
  duration: string;
  extent: string;
  deadline: string;
  contact: { name: string; phone: string; email: string };
}

/** Things the role involves, by occupation field; the generic list serves the rest. */
const TASKS: Readonly<Record<string, readonly string[]>> = {
  'NYW6_mP6_vwf': ['omvårdnad av patienter', 'läkemedelshantering', 'dokumentation i journalsystemet', 'samverkan med anhöriga', 'provtagning', 'planering av vårdinsatser', 'handledning av studenter'],
  'GazW_2TU_kJw': ['stöd i vardagen', 'social dokumentation', 'genomförandeplaner', 'samverkan med anhöriga och myndigheter', 'aktiviteter för brukarna', 'motiverande samtal'],
  'MVqp_eS8_kDZ': ['undervisning och bedömning', 'planering av lektioner', 'kontakt med vårdnadshavare', 'utvecklingssamtal', 'arbete i arbetslag', 'anpassningar för elever i behov av stöd'],
  'apaJ_2ja_LuF': ['utveckling av nya funktioner', 'kodgranskning', 'automatiserade tester', 'drift och förvaltning', 'arkitekturbeslut', 'dialog med produktägare', 'felsökning i produktion'],
  'ASGV_zcE_bWf': ['lastning och lossning', 'distribution till kunder', 'daglig fordonskontroll', 'planering av körningar', 'godshantering', 'kundkontakt vid leverans'],
  'j7Cq_ZJe_GkT': ['formsättning och gjutning', 'stomresning', 'montering av innerväggar', 'markarbeten', 'ritningsläsning', 'arbetsmiljö på bygget'],
  'wTEr_CBC_bqh': ['maskinställning', 'kvalitetskontroll', 'montering', 'förebyggande underhåll', 'förbättringsarbete enligt lean', 'produktion i skift'],
  'yhCP_AqT_tns': ['felsökning', 'service och underhåll', 'installationer hos kund', 'reparationer', 'besiktning av anläggningar', 'dokumentation av utfört arbete'],
  'X82t_awd_Qyc': ['löpande bokföring', 'kund- och leverantörsreskontra', 'bokslut', 'fakturering', 'lönehantering', 'uppföljning av budget'],
  'RPTn_bxG_ExZ': ['försäljning och kundservice', 'varuexponering', 'kassaarbete', 'merförsäljning', 'inköp och beställningar', 'att nå uppsatta mål'],
  'ScKy_FHB_7wT': ['matlagning från grunden', 'beställningar av varor', 'egenkontroll', 'servering', 'menyplanering', 'disk och städ'],
};
const GENERIC_TASKS = ['planering av det dagliga arbetet', 'kvalitetsarbete', 'samarbete med kollegor', 'dokumentation', 'kontakt med kunder', 'uppföljning'];
const UNITS: Readonly<Record<string, readonly string[]>> = {
  'NYW6_mP6_vwf': ['akutmottagningen', 'vårdavdelning 12', 'vår vårdcentral', 'geriatriken', 'dagkirurgin'],
  'GazW_2TU_kJw': ['hemtjänsten', 'vårt boende', 'socialtjänsten', 'LSS-verksamheten', 'äldreboendet'],
  'MVqp_eS8_kDZ': ['vår skola', 'förskolan', 'högstadiet', 'fritidshemmet', 'gymnasiet'],
  'ASGV_zcE_bWf': ['vårt lager', 'distributionen', 'vår terminal', 'trafikavdelningen'],
};
const GENERIC_UNITS = ['vårt team', 'vår verksamhet', 'avdelningen', 'vårt kontor'];
const QUALITIES = ['ansvarstagande', 'flexibel', 'noggrann', 'stresstålig', 'självgående', 'serviceinriktad', 'lösningsorienterad',
  'strukturerad', 'positiv', 'lyhörd', 'prestigelös', 'driven', 'kommunikativ', 'pålitlig'];
const BENEFITS = ['friskvårdsbidrag', 'kollektivavtal', 'tjänstepension', 'bra introduktion', 'kompetensutveckling', 'flexibla arbetstider',
  'förmånscykel', 'trevliga kollegor', 'möjlighet att påverka', 'betald utbildning'];
const CONTACT_NAMES = ['Anna Lindqvist', 'Erik Sandström', 'Maria Holmberg', 'Johan Ek', 'Sara Nyström', 'Ali Hassan', 'Fatima Yusuf', 'Lars Öberg'];
export { CONTACT_NAMES };

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function occupationWord(random: Random, f: OccupationForms): string {
  // Boards write both "backend-utvecklare" and "backendutvecklare".
  return random.chance(0.3) ? closedCompound(f.singular) : f.singular;
}

export function headline(random: Random, s: TextSlots): string {
  const f = s.occupation;
  const unit = random.pick(UNITS[s.fieldId] ?? GENERIC_UNITS);
  const options = [
    () => f.title,
    () => `${f.title} till ${s.employer}`,
    () => `${f.title} sökes till ${s.municipality}`,
    () => `${f.title} i ${s.municipality}`,
    () => (f.qualifier ? `${f.title}, ${f.qualifier}` : `${f.title} – ${s.extent.toLowerCase()}`),
    () => (f.plural && s.vacancies > 1 ? `Vi söker ${f.plural} till ${unit}` : `Vi söker en ${f.singular} till ${unit}`),
    () => (f.plural ? `${cap(f.plural)} till ${unit} i ${s.municipality}` : `${f.title} till ${unit}`),
  ];
  return random.pick(options)();
}

function rolePara(random: Random, s: TextSlots): string {
  const f = s.occupation;
  const tasks = random.sample(TASKS[s.fieldId] ?? GENERIC_TASKS, 3);
  const unit = random.pick(UNITS[s.fieldId] ?? GENERIC_UNITS);
  const word = occupationWord(random, f);
  const [b1, b2] = random.sample(BENEFITS, 2);
  const options = [
    () => `Vi söker nu ${s.vacancies > 1 && f.plural ? `${s.vacancies} ${f.plural}` : `en ${word}`} till ${unit} i ${s.municipality}. Som ${word} hos oss arbetar du med ${listPhrase(tasks)}.`,
    () => `${f.definite ? `${cap(f.definite)} ansvarar` : `Som ${word} ansvarar du`} för ${tasks[0]} och ${tasks[1]}, men också för ${tasks[2]}. Du blir en del av ${unit} där vi hjälps åt och lär av varandra.`,
    () => `Är du en ${random.pick(QUALITIES)} ${word} som vill utvecklas? Hos ${s.employer} i ${s.municipality} får du arbeta med ${listPhrase(tasks)}. Då kan det här vara jobbet för dig!`,
    () => `${s.employer} växer och behöver fler ${f.plural ?? `medarbetare som ${word}`}. I rollen ingår ${listPhrase(tasks)}. Du rapporterar till chefen för ${unit}.`,
    () => `Vill du arbeta som ${word} i ${s.municipality}? I tjänsten ingår bland annat ${tasks[0]}, ${tasks[1]} och ${tasks[2]}. Vi erbjuder ${b1} och ${b2}.`,
    () => `Till ${unit} söker vi ${f.plural && s.vacancies > 1 ? f.plural : `en ${word}`} med intresse för ${tasks[0]}. Arbetet omfattar även ${tasks[1]} och ${tasks[2]}, i nära samarbete med dina kollegor.`,
  ];
  return random.pick(options)();
}

function requirementsPara(random: Random, s: TextSlots): string {
  const must = s.mustSkills;
  const nice = s.niceSkills;
  const experience = random.pick(['minst två års erfarenhet', 'några års erfarenhet', 'dokumenterad erfarenhet', 'gärna erfarenhet']);
  const options = [
    () => `Vi söker dig som har ${experience} av ${listPhrase(must) || 'liknande arbete'}.${nice.length ? ` Det är meriterande om du även har kunskaper inom ${listPhrase(nice)}.` : ''}`,
    () => `Krav:\n${must.map((m) => `* ${m}`).join('\n') || '* Relevant utbildning'}${nice.length ? `\n\nMeriterande:\n${nice.map((m) => `* ${m}`).join('\n')}` : ''}`,
    () => `För att lyckas i rollen behöver du ha ${experience} av ${listPhrase(must) || 'yrket'}.${nice.length ? ` Har du dessutom erfarenhet av ${listPhrase(nice)} ser vi det som ett plus.` : ''}`,
    () => `Du har ${random.pick(['goda kunskaper', 'god kännedom', 'gedigen erfarenhet'])} inom ${listPhrase(must) || 'området'}.${nice.length ? ` Vi ser gärna att du även har erfarenhet av ${listPhrase(nice)}.` : ''}`,
  ];
  return random.pick(options)();
}

function languagePara(random: Random, s: TextSlots): string {
  const { must, nice } = s.languages;
  const parts: string[] = [];
  if (must.length) {
    parts.push(random.pick([
      `Du behärskar ${listPhrase(must.map((l) => l.toLowerCase()))} i tal och skrift.`,
      `Goda kunskaper i ${listPhrase(must.map((l) => l.toLowerCase()))} är ett krav.`,
      `Du uttrycker dig väl på ${listPhrase(must.map((l) => l.toLowerCase()))}, både muntligt och skriftligt.`,
    ]));
  }
  if (nice.length) parts.push(`Kunskaper i ${listPhrase(nice.map((l) => l.toLowerCase()))} är meriterande.`);
  return parts.join(' ');
}

/** "B-körkort krävs", "C-körkort och YKB är ett krav", "CE-kort krävs". */
function licencePara(random: Random, s: TextSlots): string {
  if (!s.licences.length) return '';
  const main = s.licences[s.licences.length - 1];
  if (main === 'B') return random.pick(['B-körkort krävs.', 'Körkort B är ett krav.', 'Du har B-körkort.', 'B-körkort är ett krav för tjänsten.']);
  if (main === 'CE' || main === 'C') return random.pick([`${main}-körkort och YKB är ett krav.`, `Du har ${main}-kort och giltigt YKB.`, `${main}-körkort krävs, liksom YKB.`]);
  return random.pick([`${main}-körkort krävs.`, `Du har körkort med behörighet ${main}.`]);
}

function personalPara(random: Random): string {
  const [q1, q2, q3] = random.sample(QUALITIES, 3);
  return random.pick([
    `Som person är du ${q1}, ${q2} och ${q3}.`,
    `Vi lägger stor vikt vid personlig lämplighet. Du är ${q1} och ${q2}, och du trivs med att vara ${q3}.`,
    `Du som söker är ${q1} och ${q2}. Att du är ${q3} är viktigt för oss.`,
  ]);
}

function conditionsPara(random: Random, s: TextSlots): string {
  return random.pick([
    `Tjänsten är en ${s.employmentType.toLowerCase()} (${s.duration.toLowerCase()}) på ${s.extent.toLowerCase()}. Tillträde enligt överenskommelse.`,
    `Anställningsform: ${s.employmentType}, ${s.duration.toLowerCase()}. Omfattning: ${s.extent}. Individuell lönesättning tillämpas.`,
    `Vi erbjuder en ${s.employmentType.toLowerCase()} på ${s.extent.toLowerCase()}, ${s.duration.toLowerCase()}, med start snarast. Lön enligt överenskommelse.`,
  ]);
}

function applyPara(random: Random, s: TextSlots): string {
  const c = s.contact;
  return random.pick([
    `Sista ansökningsdag är ${s.deadline}. Urval sker löpande, så skicka din ansökan redan i dag! Frågor besvaras av ${c.name}, tel. ${c.phone}.`,
    `Välkommen med din ansökan senast ${s.deadline}. Vid frågor, kontakta ${c.name} på ${c.email}.`,
    `Ansök senast ${s.deadline}. Har du frågor om tjänsten är du välkommen att ringa ${c.name} på ${c.phone}.`,
  ]);
}

/** The ad text: employer, role, requirements, languages and licence, person, conditions, how to apply. */
export function adText(random: Random, s: TextSlots): string {
  const requirements = [requirementsPara(random, s), languagePara(random, s), licencePara(random, s)].filter((p) => p).join(' ');
  return [s.about, rolePara(random, s), requirements, personalPara(random), conditionsPara(random, s), applyPara(random, s)].join('\n\n');
}
