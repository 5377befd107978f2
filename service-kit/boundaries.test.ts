import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

/** The folders each package may import from, as the design draws them. */
const ALLOWED: Record<string, string[]> = {
  'service-kit': ['service-kit'],
  vocab: ['vocab'],
  consent: ['consent', 'vocab'],
  connectors: ['connectors', 'service-kit', 'consent', 'vocab'],
};

describe('import boundaries', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`${pkg}/ imports only ${allowed.join(', ')}`, () => {
      const offending: string[] = [];
      for (const file of sources(join(ROOT, pkg))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const target = relative(ROOT, resolve(file, '..', match[1])).split('/')[0];
          // Tests may start real servers through test-support/; product code may not reach them.
          const testOnly = file.endsWith('.test.ts') && target === 'test-support';
          if (!allowed.includes(target) && !testOnly) offending.push(`${relative(ROOT, file)} imports ${match[1]}`);
        }
      }
      expect(offending).to.deep.equal([]);
    });
  }
});
