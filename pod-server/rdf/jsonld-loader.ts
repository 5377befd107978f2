import type JsonLd from 'jsonld';

let loading: Promise<typeof JsonLd> | undefined;

/** The JSON-LD processor is large and most requests are Turtle, so it loads on first use. */
export function loadJsonLd(): Promise<typeof JsonLd> {
  loading ??= import('jsonld').then((module) => module.default);
  return loading;
}
