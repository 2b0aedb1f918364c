/** Reading one record by key, validated: a corrupt record is reported and read as absent. */
import type { StoreNames } from 'idb';
import type { z } from 'zod';
import type { CorruptRecordReporter } from './errors';
import type { VigieDatabase } from './open';
import type { VigieDB } from './schema';

export async function readValid<S extends z.ZodType>(db: VigieDatabase, store: StoreNames<VigieDB>, key: string, schema: S, report: CorruptRecordReporter): Promise<z.infer<S> | null> {
  const raw: unknown = await db.get(store, key);
  if (raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    report(store, key, parsed.error);
    return null;
  }
  return parsed.data;
}
