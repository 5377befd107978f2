// Which skills fit an occupation. The taxonomy snapshot has no occupation -> skill relations, so the
// affinity is built from two sources, both deterministic:
//  1. a curated table: for each occupation field, word stems found in the labels of its typical
//     skills ("svets" finds Plasmabågsvetsning and EN 1418 Punktsvetsning for Industriell tillverkning);
//  2. label-word overlap: stems of the occupation's own label words (suffixes like -are, -ska, -ör
//     cut) found in skill labels ("Svetsare" -> "svets", "Florist" -> Mästarbrev, florist).
// Overlap skills come first (they are the most specific), then the field's pool.
import type { Concept, TaxonomyIndex } from '../../../vocab/index.ts';

/** Occupation field id -> stems of its typical skills' labels (lower case, matched anywhere in a label). */
export const FIELD_SKILL_STEMS: Readonly<Record<string, readonly string[]>> = {
  'apaJ_2ja_LuF': ['java', 'javascript', 'sql', 'linux', 'python', 'programmeringsspråk', 'ramverk', 'operativsystem', 'databas', 'nätverk', 'scrum', 'systemutveckl', 'webbutveckl', 'testning', 'användarsupport', 'c#', '.net', 'html', 'xml', 'git'], // Data/IT
  'NYW6_mP6_vwf': ['legitimation som', 'omvårdnad', 'sjukvård', 'medicin', 'klinisk', 'läkemedel', 'anestesi', 'hälsovård', 'akutsjukvård', 'geriatrik', 'demens', 'rehabilitering', 'ambulans'], // Hälso- och sjukvård
  'GazW_2TU_kJw': ['socialpedagogik', 'samtalsmetodik', 'missbruk', 'äldreomsorg', 'demens', 'funktionsnedsättning', 'barnhabilitering', 'bostad med särskild service', 'personlig assistans', 'familjeterapi', 'utredning', 'handikappfrågor', 'miljöterapeutisk'], // Socialt arbete
  'MVqp_eS8_kDZ': ['undervisning', 'pedagogik', 'specialpedagogik', 'förskola', 'lärarexamen', 'läs- och skriv', 'studie- och yrkesvägled', 'modersmål', 'fritidshem'], // Pedagogiskt arbete
  'ASGV_zcE_bWf': ['truck', 'ykb', 'adr', 'lastbil', 'buss', 'transport', 'logistik', 'gods', 'kran', 'trafik', 'lager', 'fartyg', 'körvana', 'taxi'], // Transport
  'j7Cq_ZJe_GkT': ['betong', 'bygg', 'ställning', 'armering', 'murning', 'gjutning', 'snickeri', 'ritningsläsning', 'anläggning', 'mark', 'renovering', 'plattsättning', 'takläggning', 'grävmaskin'], // Bygg och anläggning
  'wTEr_CBC_bqh': ['svets', 'cnc', 'svarvning', 'fräsning', 'montering', 'plc', 'truckvana', 'produktion', 'kvalitetskontroll', 'gjut', 'plåt', 'lean', 'maskinoperatör', 'härdplast'], // Industriell tillverkning
  'yhCP_AqT_tns': ['el', 'reparation', 'fordon', 'service', 'underhåll', 'kylteknik', 'värmeteknik', 'ventilation', 'vvs', 'installation', 'felsökning', 'automation', 'hydraulik'], // Installation, drift, underhåll
  'X82t_awd_Qyc': ['redovisning', 'bokföring', 'lön', 'ekonomi', 'avtalsrätt', 'juridik', 'affärssystem', 'fakturering', 'budget', 'upphandling', 'administration', 'registerhantering', 'kontering', 'revision'], // Administration, ekonomi, juridik
  'RPTn_bxG_ExZ': ['försäljning', 'kassa', 'kundservice', 'marknadsföring', 'inköp', 'produktkunskap', 'butik', 'telefonförsäljning', 'e-handel', 'crm', 'merförsäljning', 'exponering'], // Försäljning, inköp, marknadsföring
  'ScKy_FHB_7wT': ['kök', 'matlagning', 'servering', 'bageri', 'konditori', 'storhushåll', 'livsmedel', 'hotell', 'bartender', 'diskning', 'catering', 'specialkost', 'charkuteri'], // Hotell, restaurang, storhushåll
  'bh3H_Y3h_5eD': ['verksamhetsledning', 'ledarskap', 'personalansvar', 'budget', 'projektledning', 'strategisk', 'operativ ledning', 'förändringsarbete', 'arbetsledning'], // Chefer och verksamhetsledare
  '6Hq3_tKo_V57': ['cad', 'konstruktion', 'beräkn', 'autocad', 'solid', 'catia', 'elschema', 'geoteknik', 'projektering', 'mätteknik', 'hållfasthet', 'strömningsteknik', 'revit'], // Tekniskt arbete
  'kJeN_wmw_9wX': ['kemi', 'biologi', 'fysik', 'laboratorie', 'analys', 'forskning', 'mikrobiologi', 'statistik', 'hydrogeologi', 'bakteriologi', 'klinisk prövning'], // Naturvetenskapligt arbete
  '9puE_nYg_crq': ['grafik', 'foto', 'video', 'design', 'journalistik', 'redigering', 'teater', 'musik', 'ljud', 'manus', 'illustration', 'layout', 'adobe'], // Kultur, media, design
  'E7hm_BLq_fqZ': ['bevakning', 'väktare', 'säkerhet', 'brand', 'räddning', 'larm', 'ordningsvakt', 'skydd', 'tjänstehund', 'kameraövervakning'], // Säkerhetsarbete
  'whao_Q6A_ScE': ['sanering', 'städ', 'renhållning', 'avfall', 'återvinning', 'mögel', 'fönsterputs', 'miljövård', 'golvvård', 'skorstensfej'], // Sanering och renhållning
  'VuuL_7CH_adj': ['skog', 'jordbruk', 'djur', 'trädgård', 'odling', 'skörd', 'häst', 'fiske', 'lantbruk', 'mjölk', 'traktor', 'fjäderfä'], // Naturbruk
  'Uuf1_GMh_Uvw': ['hudvård', 'massage', 'fotvård', 'nagel', 'frisör', 'hårvård', 'makeup', 'solarium', 'skönhet', 'klippning'], // Kropps- och skönhetsvård
  'PaxQ_o1G_wWH': ['mästarbrev', 'gesällbrev', 'smide', 'sömnad', 'snickeri', 'keramik', 'vävning', 'tapetsering', 'sadelmakeri', 'textil', 'glas', 'guldsmed'], // Hantverksyrken
  'bH5L_uXD_ZAX': ['militär', 'försvar', 'vapen', 'sjukvård', 'ledarskap', 'säkerhet', 'fordon', 'signal'], // Militärt arbete
};

const MIN_STEM = 4;
const MAX_SKILLS_PER_LIST = 60;
const SUFFIXES = ['erska', 'ska', 'are', 'are', 'ör', 'ist', 'ent', 'ant', 'log', 'tekniker', 'iker', 'er', 'e'];

/** Stems of a label's words: lower case, Swedish agent suffixes cut, short stems dropped. */
export function labelStems(label: string): string[] {
  const out = new Set<string>();
  for (const word of label.toLowerCase().split(/[^\p{L}]+/u)) {
    if (word.length < MIN_STEM + 2) continue;
    let stem = word;
    for (const suffix of SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) { stem = word.slice(0, -suffix.length); break; }
    }
    out.add(stem);
  }
  return [...out];
}

/** Skill lists per occupation, computed on first use and kept (bounded by the taxonomy's size). */
export class SkillAffinity {
  private readonly skills: ReadonlyArray<{ concept: Concept; key: string; words: ReadonlySet<string> }>;
  private readonly byField = new Map<string, Concept[]>();
  private readonly byOccupation = new Map<string, Concept[]>();
  private readonly general: Concept[];

  constructor(taxonomy: TaxonomyIndex) {
    this.skills = [...taxonomy.byType('skill')].sort((a, b) => (a.id < b.id ? -1 : 1)).map((concept) => {
      const key = concept.label.toLowerCase();
      return { concept, key, words: new Set(key.split(/[\s,/()-]+/)) };
    });
    this.general = this.matching(['kundservice', 'projektledning', 'truckvana', 'administration', 'dokumentation', 'samarbete']);
  }

  /** Skills whose label contains one of the stems (a word of 2-3 letters must match a whole word). */
  private matching(stems: readonly string[]): Concept[] {
    const out: Concept[] = [];
    for (const { concept, key, words } of this.skills) {
      if (stems.some((s) => (s.length <= 3 ? words.has(s) : key.includes(s)))) {
        out.push(concept);
        if (out.length >= MAX_SKILLS_PER_LIST) break;
      }
    }
    return out;
  }

  forField(fieldId: string): readonly Concept[] {
    let list = this.byField.get(fieldId);
    if (!list) { list = this.matching(FIELD_SKILL_STEMS[fieldId] ?? []); this.byField.set(fieldId, list); }
    return list.length > 0 ? list : this.general;
  }

  /** Skills sharing a word stem with the occupation's or its group's label. */
  forOccupation(occupation: Concept, group: Concept | undefined): readonly Concept[] {
    let list = this.byOccupation.get(occupation.id);
    if (!list) {
      list = this.matching([...labelStems(occupation.label), ...(group ? labelStems(group.label) : [])]);
      this.byOccupation.set(occupation.id, list);
    }
    return list;
  }
}
