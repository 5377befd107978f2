// An alert as a Linked Data Notification: an as:Announce of the ad, in Turtle.
import type { JobAd } from '../../../vocab/index.ts';

export interface AnnounceInput { ad: JobAd; adUrl: string; actor: string; to: string; published?: Date }

/** Longest text taken from an ad into a notification (the inbox caps bodies; ads can be long). */
const MAX_TEXT = 300;

/** `<>` is the notification itself; every string is escaped as a Turtle literal, every IRI checked. */
export function announceTurtle({ ad, adUrl, actor, to, published = new Date() }: AnnounceInput): string {
  const place = ad.workplaceAddress?.municipality ?? ad.workplaceAddress?.city ?? ad.workplaceAddress?.region;
  const lines = [
    '@prefix as: <https://www.w3.org/ns/activitystreams#>.',
    '@prefix schema: <http://schema.org/>.',
    '@prefix xsd: <http://www.w3.org/2001/XMLSchema#>.',
    '',
    `<> a as:Announce; as:actor <${iri(actor)}>; as:to <${iri(to)}>;`,
    `  as:published ${literal(published.toISOString())}^^xsd:dateTime;`,
    ...(ad.headline ? [`  as:summary ${literal(short(ad.headline))};`] : []),
    `  as:object <${iri(adUrl)}>.`,
    `<${iri(adUrl)}> a schema:JobPosting, as:Page; as:url <${iri(adUrl)}>${ad.headline ? `;\n  schema:title ${literal(short(ad.headline))}` : ''}${ad.employer?.name ? `;\n  schema:hiringOrganization [ a schema:Organization; schema:name ${literal(short(ad.employer.name))} ]` : ''}${place ? `;\n  schema:jobLocation [ a schema:Place; schema:name ${literal(short(place))} ]` : ''}${ad.applicationDeadline ? `;\n  schema:validThrough ${literal(ad.applicationDeadline)}` : ''}.`,
    '',
  ];
  return lines.join('\n');
}

function short(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A Turtle string literal (JSON's escapes are valid Turtle escapes). */
function literal(text: string): string {
  // Lone surrogates would become escapes no Turtle parser accepts.
  return JSON.stringify(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function iri(value: string): string {
  if (!/^https?:\/\/[^\s<>"{}|^`\\]+$/.test(value)) throw new RangeError(`not an http(s) IRI: ${value}`);
  return value;
}
