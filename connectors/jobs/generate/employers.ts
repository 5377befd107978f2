// A fixed pool of employers with a realistic skew: a few staffing agencies and big public employers
// publish many ads, most companies a few. The pool's size does not depend on how many ads are made.
import type { Concept } from '../../../vocab/index.ts';
import { organisationNumber } from './org-number.ts';
import type { Places } from './places.ts';
import { Random, WeightedTable } from './prng.ts';

export type EmployerKind = 'staffing' | 'municipality' | 'region' | 'company';

export interface Employer {
  id: string;
  kind: EmployerKind;
  name: string;
  organisationNumber: string;
  url: string;
  email: string;
  phone: string;
  /** Occupation field ids it hires in, most typical first. */
  fields: readonly string[];
  /** Municipalities where it has workplaces. */
  sites: readonly Concept[];
  /** The company paragraph every ad of the employer starts with. */
  about: string;
  weight: number;
}

/** Relative number of ads per occupation field (id -> weight). */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'NYW6_mP6_vwf': 14, 'apaJ_2ja_LuF': 10, 'RPTn_bxG_ExZ': 10, 'GazW_2TU_kJw': 9, 'MVqp_eS8_kDZ': 9, 'X82t_awd_Qyc': 8,
  'ASGV_zcE_bWf': 7, 'j7Cq_ZJe_GkT': 7, 'wTEr_CBC_bqh': 6, 'yhCP_AqT_tns': 6, 'ScKy_FHB_7wT': 6, '6Hq3_tKo_V57': 5,
  'whao_Q6A_ScE': 4, 'bh3H_Y3h_5eD': 4, 'kJeN_wmw_9wX': 2, '9puE_nYg_crq': 2, 'E7hm_BLq_fqZ': 2, 'VuuL_7CH_adj': 2,
  'Uuf1_GMh_Uvw': 2, 'PaxQ_o1G_wWH': 1, 'bH5L_uXD_ZAX': 0.3,
};
const MUNICIPALITY_FIELDS = ['GazW_2TU_kJw', 'MVqp_eS8_kDZ', 'NYW6_mP6_vwf', 'X82t_awd_Qyc', 'ScKy_FHB_7wT', 'whao_Q6A_ScE', 'bh3H_Y3h_5eD'];
const REGION_FIELDS = ['NYW6_mP6_vwf', 'NYW6_mP6_vwf', 'NYW6_mP6_vwf', 'X82t_awd_Qyc', 'bh3H_Y3h_5eD', 'kJeN_wmw_9wX'];

/** Words a company name takes from its trade (field id -> words). */
const TRADE_WORDS: Readonly<Record<string, readonly string[]>> = {
  'NYW6_mP6_vwf': ['Vård', 'Hälsa', 'Vårdcentral', 'Tandvård', 'Omsorg'], 'apaJ_2ja_LuF': ['IT', 'Data', 'Systemutveckling', 'Digital', 'Tech'],
  'RPTn_bxG_ExZ': ['Handel', 'Försäljning', 'Livs', 'Sport', 'Byggvaror'], 'GazW_2TU_kJw': ['Omsorg', 'Assistans', 'Stöd & Omsorg'],
  'MVqp_eS8_kDZ': ['Förskola', 'Utbildning', 'Friskola', 'Lärcentrum'], 'X82t_awd_Qyc': ['Redovisning', 'Ekonomi', 'Advokatbyrå', 'Revision'],
  'ASGV_zcE_bWf': ['Transport', 'Åkeri', 'Logistik', 'Buss', 'Frakt'], 'j7Cq_ZJe_GkT': ['Bygg', 'Mark & Anläggning', 'Byggservice', 'Betong'],
  'wTEr_CBC_bqh': ['Mekaniska', 'Industri', 'Plast', 'Verkstad', 'Stål'], 'yhCP_AqT_tns': ['El', 'VVS', 'Service', 'Bilverkstad', 'Kyl & Värme'],
  'ScKy_FHB_7wT': ['Restaurang', 'Hotell', 'Krog', 'Catering', 'Bageri'], '6Hq3_tKo_V57': ['Konsult', 'Teknik', 'Ingenjörer', 'Projektering'],
  'whao_Q6A_ScE': ['Städ', 'Miljö', 'Renhållning', 'Fastighetsservice'], 'bh3H_Y3h_5eD': ['Förvaltning', 'Holding', 'Invest'],
  'kJeN_wmw_9wX': ['Labb', 'Biotech', 'Analys', 'Life Science'], '9puE_nYg_crq': ['Media', 'Design', 'Produktion', 'Film'],
  'E7hm_BLq_fqZ': ['Säkerhet', 'Bevakning', 'Larm'], 'VuuL_7CH_adj': ['Lantbruk', 'Skog', 'Trädgård', 'Gård'],
  'Uuf1_GMh_Uvw': ['Salong', 'Hud & Spa', 'Frisör'], 'PaxQ_o1G_wWH': ['Snickeri', 'Smide', 'Tapetseri'], 'bH5L_uXD_ZAX': ['Försvarsteknik'],
};
const SURNAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Lindberg', 'Lindström', 'Bergström', 'Holm', 'Sandberg', 'Lundgren', 'Wallin', 'Hedlund', 'Forsberg', 'Sjöberg', 'Engström'];
const BRANDS = ['Nordic', 'Svensk', 'Norrlands', 'Mälardalens', 'Västkustens', 'Skånes', 'Smålands', 'Roslagens', 'Bergslagens',
  'Norden', 'Prima', 'Nova', 'Fjäll', 'Kust', 'Stad', 'Polar', 'Linné', 'Vasa', 'Trygg', 'Aros'];
const STAFFING = ['Bemanningsgruppen Sverige AB', 'Proffsbemanning AB', 'Jobbpartner Rekrytering AB', 'Vårdbemanning Norden AB',
  'Lagerkraft Bemanning AB', 'Kompetensbolaget i Sverige AB', 'Teknikbemanning AB', 'Personalkraft AB'];
const SIZES = ['ett hundratal', 'drygt 40', 'cirka 250', 'över 1 000', 'ett tjugotal', 'knappt 80', 'ungefär 600'];
const OPENINGS = [
  (e: string, s: string, place: string) => `${e} är ett växande företag med ${s} medarbetare och huvudkontor i ${place}.`,
  (e: string, s: string, place: string) => `Hos ${e} arbetar ${s} engagerade medarbetare. Vi finns i ${place} med omnejd.`,
  (e: string, s: string, place: string) => `${e} grundades i ${place} och har i dag ${s} anställda.`,
  (e: string, s: string, place: string) => `Vi på ${e} är ${s} kollegor som trivs tillsammans, med bas i ${place}.`,
];
const VALUES = ['Vi tror på delaktighet, trygghet och korta beslutsvägar.', 'Kvalitet och omtanke genomsyrar allt vi gör.',
  'Vi värdesätter mångfald och ser olikheter som en styrka.', 'Hos oss får du ta ansvar och växa i din yrkesroll.',
  'Vår ambition är att vara branschens mest attraktiva arbetsgivare.', 'Vi är kollektivavtalsanslutna och erbjuder friskvårdsbidrag.'];

const COMPANY_COUNT = 1200;
const STAFFING_SITES = 30;

const slug = (name: string) => name.toLowerCase().replace(/ ab$/, '').normalize('NFD').replace(/[^a-z0-9]+/g, '');

function aboutText(random: Random, name: string, place: string, kind: EmployerKind): string {
  if (kind === 'municipality') return `I ${name} arbetar vi för att ${place} ska vara en bra plats att bo, leva och verka i. ${random.pick(VALUES)}`;
  if (kind === 'region') return `${name} ansvarar för hälso- och sjukvård, kollektivtrafik och regional utveckling i länet. ${random.pick(VALUES)}`;
  if (kind === 'staffing') return `${name} är ett av Sveriges ledande bemannings- och rekryteringsföretag. Vi hjälper företag att hitta rätt kompetens, och dig att hitta rätt jobb. ${random.pick(VALUES)}`;
  return `${random.pick(OPENINGS)(name, random.pick(SIZES), place)} ${random.pick(VALUES)}`;
}

/** Builds the pool; deterministic for a given taxonomy (it takes its own seed, not the ads'). */
export function buildEmployers(places: Places, seed: number): { employers: Employer[]; table: WeightedTable<Employer> } {
  const random = new Random(seed ^ 0x5eed);
  const fieldIds = Object.keys(FIELD_WEIGHTS);
  const fieldTable = new WeightedTable(fieldIds, (f) => FIELD_WEIGHTS[f]);
  const employers: Employer[] = [];
  const contact = (name: string) => ({ url: `https://www.${slug(name)}.se`, email: `jobb@${slug(name)}.se`, phone: `0${random.int(10, 99)}-${random.int(100000, 999999)}` });
  const add = (kind: EmployerKind, name: string, org: string, fields: string[], sites: Concept[], weight: number) => {
    const place = sites[0].label;
    employers.push({ id: String(30000000 + employers.length), kind, name, organisationNumber: org, ...contact(name), fields, sites, about: aboutText(random, name, place, kind), weight });
  };

  STAFFING.forEach((name, i) => {
    const sites = [...new Set(Array.from({ length: STAFFING_SITES }, () => places.pickMunicipality(random)))];
    add('staffing', name, organisationNumber('559', i), fieldIds.filter((f) => FIELD_WEIGHTS[f] >= 4), sites, 60);
  });
  const regions = [...new Set(places.municipalities.map((m) => m.broader!))].sort();
  regions.forEach((regionId, i) => {
    const sites = places.regionMunicipalities(regionId);
    const region = sites.length ? places.workplace(sites[0], random).region : undefined;
    if (!region) return;
    add('region', `Region ${region.label.replace(/s? län$/, '')}`, organisationNumber('2321', i), REGION_FIELDS, sites, 30);
  });
  places.municipalities.forEach((m, i) => {
    const name = `${m.label}${/s$/.test(m.label) ? '' : 's'} kommun`;
    add('municipality', name, organisationNumber('212', i), MUNICIPALITY_FIELDS, [m], 4);
  });
  for (let i = 0; i < COMPANY_COUNT; i++) {
    const fields = [fieldTable.pick(random)];
    if (random.chance(0.3)) fields.push(fieldTable.pick(random));
    const home = places.pickMunicipality(random);
    const trade = random.pick(TRADE_WORDS[fields[0]]);
    const name = random.chance(0.5) ? `${random.pick(SURNAMES)}s ${trade} AB` : `${random.pick(BRANDS)} ${trade} AB`;
    const sites = [home];
    while (random.chance(0.25) && sites.length < 5) sites.push(places.pickMunicipality(random));
    // A few companies are large (Zipf-like weights over a shuffled order).
    add('company', name, organisationNumber('556', 100000 + i), fields, [...new Set(sites)], 100 / (1 + i) ** 0.8);
  }
  return { employers, table: new WeightedTable(employers, (e) => e.weight) };
}
