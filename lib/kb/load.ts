/** Reads the three packaged knowledge-base files with whatever the platform reads files with. */
import { createKnowledgeBase, type KnowledgeBase } from './knowledge';

export const KB_FILES = ['meta.json', 'advisories.json', 'lifecycle.json'] as const;

export async function loadKnowledgeBase(read: (name: (typeof KB_FILES)[number]) => Promise<string>): Promise<KnowledgeBase> {
  const [meta, advisories, lifecycle] = await Promise.all(KB_FILES.map(async (name) => JSON.parse(await read(name)) as unknown));
  return createKnowledgeBase({ meta, advisories, lifecycle });
}
