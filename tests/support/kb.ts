/** The repository's knowledge base (public/kb/), read once, for every test that judges components. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKnowledgeBase, type KnowledgeBase } from '../../lib/kb/knowledge';

// From the repository root (vitest's root): under happy-dom, import.meta.url is not a file URL.
const read = (name: string): unknown => JSON.parse(readFileSync(join(process.cwd(), 'public', 'kb', name), 'utf8'));

let kb: KnowledgeBase | null = null;

export function repoKb(): KnowledgeBase {
  kb ??= createKnowledgeBase({ meta: read('meta.json'), advisories: read('advisories.json'), lifecycle: read('lifecycle.json') });
  return kb;
}

/** A rule context on `now` with the repository's knowledge base. */
export const ruleContext = (now: Date, locale: 'en' | 'fr' = 'en') => ({ now, kb: repoKb(), locale });
