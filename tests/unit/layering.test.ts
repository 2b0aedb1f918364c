/**
 * The UI gets its data through props: pages and their hooks own storage access, components under
 * components/ never import lib/store (not even its types: lib/history/model.ts carries those).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/g;

describe('layering', () => {
  it('components/ never imports lib/store', () => {
    const offenders: string[] = [];
    for (const file of files('components')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(IMPORT)) if (/(^|\/)lib\/store(\/|$)/.test(m[1]!)) offenders.push(`${relative(ROOT, join(ROOT, file))}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
    // The check reads real imports: the pages do import the store.
    expect(readFileSync(join(ROOT, 'entrypoints/audits/data.ts'), 'utf8')).toMatch(IMPORT);
    expect([...readFileSync(join(ROOT, 'entrypoints/audits/data.ts'), 'utf8').matchAll(IMPORT)].some((m) => m[1]!.includes('lib/store'))).toBe(true);
  });
});
