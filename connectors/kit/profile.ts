// The connector's WebID profile document, served from its own origin.
import express, { type Router } from 'express';

export interface ProfileInput {
  webId: string;
  /** The document URL (the WebID without its fragment). */
  document: string;
  name: string;
  /** Solid-OIDC issuers that may mint tokens for this WebID. */
  issuers: string[];
  inbox: string;
  /** Shown while an issuer checks that this agent controls the WebID (see provision.ts). */
  registrationToken?: string;
}

const SOLID = 'http://www.w3.org/ns/solid/terms#';

/** Turtle, with every IRI and string escaped (the name comes from configuration, not a stranger, but still). */
export function profileTurtle(p: ProfileInput): string {
  const lines = [
    '@prefix foaf: <http://xmlns.com/foaf/0.1/>.',
    '@prefix schema: <http://schema.org/>.',
    '@prefix solid: <http://www.w3.org/ns/solid/terms#>.',
    '@prefix ldp: <http://www.w3.org/ns/ldp#>.',
    '',
    `<${iri(p.document)}> a foaf:PersonalProfileDocument; foaf:primaryTopic <${iri(p.webId)}>.`,
    `<${iri(p.webId)}> a foaf:Agent, schema:Organization;`,
    `  foaf:name ${literal(p.name)}; schema:name ${literal(p.name)};`,
    ...p.issuers.map((issuer) => `  solid:oidcIssuer <${iri(issuer)}>;`),
    ...(p.registrationToken ? [`  solid:oidcIssuerRegistrationToken ${literal(p.registrationToken)};`] : []),
    `  ldp:inbox <${iri(p.inbox)}>.`,
    '',
  ];
  return lines.join('\n');
}

export function profileJsonLd(p: ProfileInput): object {
  return {
    '@context': { foaf: 'http://xmlns.com/foaf/0.1/', schema: 'http://schema.org/', solid: SOLID, ldp: 'http://www.w3.org/ns/ldp#' },
    '@graph': [
      { '@id': p.document, '@type': 'foaf:PersonalProfileDocument', 'foaf:primaryTopic': { '@id': p.webId } },
      {
        '@id': p.webId, '@type': ['foaf:Agent', 'schema:Organization'], 'foaf:name': p.name, 'schema:name': p.name,
        'solid:oidcIssuer': p.issuers.map((issuer) => ({ '@id': issuer })),
        ...(p.registrationToken ? { 'solid:oidcIssuerRegistrationToken': p.registrationToken } : {}),
        'ldp:inbox': { '@id': p.inbox },
      },
    ],
  };
}

/** GET/HEAD {path}: Turtle by default, JSON-LD when the client prefers it. */
export function profileRouter(path: string, current: () => ProfileInput): Router {
  const router = express.Router();
  router.get(path, (req, res) => {
    const type = req.accepts(['text/turtle', 'application/ld+json', 'application/json']) || 'text/turtle';
    res.vary('Accept').set('Access-Control-Allow-Origin', '*');
    if (type === 'text/turtle') res.type('text/turtle; charset=utf-8').send(profileTurtle(current()));
    else res.type('application/ld+json').send(JSON.stringify(profileJsonLd(current()), null, 2));
  });
  return router;
}

function iri(value: string): string {
  return value.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function literal(value: string): string {
  return JSON.stringify(value);
}
