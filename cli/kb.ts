/**
 * The knowledge base for the command-line scanner: the same packaged files as the extension,
 * shipped next to the bundle (dist/cli/data/kb/, copied from public/kb/ by cli/build.mjs) and
 * found relative to it, so an installed vigie reads its own copy and nothing else.
 */
import { readFile } from 'node:fs/promises';
import type { KnowledgeBase } from '../lib/kb/knowledge';
import { loadKnowledgeBase } from '../lib/kb/load';

let loading: Promise<KnowledgeBase> | null = null;

export function cliKnowledgeBase(): Promise<KnowledgeBase> {
  const folder = new URL('./data/kb/', import.meta.url);
  loading ??= loadKnowledgeBase((name) => readFile(new URL(name, folder), 'utf8'));
  return loading;
}
