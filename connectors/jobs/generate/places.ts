// Workplaces: municipalities weighted roughly by the size of their labour market, each with a
// region and coordinates (the taxonomy puts coordinates on places; a municipality's own coordinates
// are those of its namesake place, else of its first place).
import type { Concept, TaxonomyIndex } from '../../../vocab/index.ts';
import { type Random, WeightedTable } from './prng.ts';

/** Larger labour markets get more ads; every other municipality weighs 1. */
const MUNICIPALITY_WEIGHTS: Readonly<Record<string, number>> = {
  Stockholm: 60, Göteborg: 35, Malmö: 22, Uppsala: 12, Linköping: 9, Örebro: 9, Västerås: 9, Helsingborg: 8,
  Norrköping: 8, Jönköping: 8, Umeå: 7, Lund: 7, Borås: 6, Sundsvall: 5, Gävle: 5, Eskilstuna: 5, Södertälje: 5,
  Solna: 8, Sundbyberg: 4, Nacka: 5, Huddinge: 5, Karlstad: 5, Växjö: 5, Halmstad: 5, Luleå: 4, Trollhättan: 3,
  Östersund: 3, Kristianstad: 3, Kalmar: 3, Falun: 3, Skövde: 3, Karlskrona: 3, Skellefteå: 3, Uddevalla: 3, Varberg: 3,
};

const insideSweden = (p: Concept) => p.lat !== undefined && p.lon !== undefined && p.lat >= 55 && p.lat <= 69.1 && p.lon >= 10.9 && p.lon <= 24.2;

export interface Workplace {
  municipality: Concept;
  region: Concept;
  /** The place the coordinates come from (the municipality's namesake, or another place in it). */
  place: Concept;
}

export class Places {
  private readonly placesByMunicipality = new Map<string, Concept[]>();
  private readonly table: WeightedTable<Concept>;
  readonly municipalities: readonly Concept[];
  readonly country: Concept | undefined;

  constructor(private readonly taxonomy: TaxonomyIndex) {
    this.municipalities = [...taxonomy.byType('municipality')].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const p of [...taxonomy.byType('place')].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      // Some places carry 0/0 for unknown coordinates, and a few labels carry editors' notes.
      if (p.broader === undefined || !insideSweden(p) || p.label.includes('[')) continue;
      const list = this.placesByMunicipality.get(p.broader) ?? [];
      list.push(p);
      this.placesByMunicipality.set(p.broader, list);
    }
    this.municipalities = this.municipalities.filter((m) => this.placesByMunicipality.has(m.id) && m.broader && taxonomy.has(m.broader));
    this.table = new WeightedTable(this.municipalities, (m) => MUNICIPALITY_WEIGHTS[m.label] ?? 1);
    this.country = taxonomy.byType('country').find((c) => c.label === 'Sverige');
  }

  pickMunicipality(random: Random): Concept { return this.table.pick(random); }

  /** The municipality's main place (namesake) most of the time, sometimes another place in it. */
  workplace(municipality: Concept, random: Random): Workplace {
    const places = this.placesByMunicipality.get(municipality.id)!;
    const main = places.find((p) => p.label === municipality.label) ?? places[0];
    const place = random.chance(0.75) ? main : random.pick(places);
    return { municipality, region: this.taxonomy.get(municipality.broader!)!, place };
  }

  regionMunicipalities(regionId: string): Concept[] { return this.municipalities.filter((m) => m.broader === regionId); }
}
