/** Opening the database: runs every migration step between the stored version and the requested one. */
import { openDB, type IDBPDatabase } from 'idb';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { VigieDB } from './schema';

export const DB_NAME = 'vigie';
export const DB_VERSION = LATEST_VERSION;
export type VigieDatabase = IDBPDatabase<VigieDB>;

/** Opens `name` at `version` (the latest by default). Tests open older versions to seed frozen records. */
export function openAtVersion(name: string, version: number = DB_VERSION, migrations: readonly Migration[] = MIGRATIONS): Promise<VigieDatabase> {
  return openDB<VigieDB>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      const steps = migrations.filter((m) => m.to > oldVersion && m.to <= version);
      // An aborted upgrade already rejects openDB; this keeps its `done` from being reported twice.
      tx.done.catch(() => undefined);
      void (async () => {
        for (const step of steps) await step.run(db, tx);
      })().catch((error) => {
        console.error('Vigie: a history migration failed; the database was left unchanged', error);
        try { tx.abort(); } catch { /* already finished */ }
      });
    },
    // Another page wants a newer version: step aside so its upgrade is not blocked forever.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
