/**
 * A stand-in for a git mirror (scripts/kb/mirror.mjs) made of fixture files, so the knowledge-base
 * extractors are tested on real upstream records without the mirrors, which CI does not have.
 * `files` maps each path as it is in the upstream repository to the fixture file holding it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KB_FIXTURES = fileURLToPath(new URL('../fixtures/kb/', import.meta.url));

export interface FixtureRepo {
  repository: string;
  commit: string;
  date: string;
  list(prefix?: string): string[];
  read(path: string): string;
  readAll(paths: string[]): Map<string, string>;
}

/** Upstream paths → texts, read from `tests/fixtures/kb/<folder>/` (the same relative paths). */
export function fixtureRepo(repository: string, folder: string, paths: string[], commit = '0'.repeat(40), date = '2026-08-22'): FixtureRepo {
  const text = new Map(paths.map((p) => [p, readFileSync(join(KB_FIXTURES, folder, p), 'utf8')]));
  return {
    repository,
    commit,
    date,
    list: (prefix = '') => paths.filter((p) => p.startsWith(prefix)),
    read: (path) => {
      const t = text.get(path);
      if (t === undefined) throw new Error(`no fixture for ${path}`);
      return t;
    },
    readAll: (wanted) => new Map(wanted.filter((p) => text.has(p)).map((p) => [p, text.get(p)!])),
  };
}
