import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { VigieDB } from '../schema';

export type UpgradeTransaction = IDBPTransaction<VigieDB, StoreNames<VigieDB>[], 'versionchange'>;

/**
 * One schema step: from version `to - 1` to `to`. Runs inside the upgrade transaction; it may read
 * and rewrite records but must only await requests of that transaction (anything else ends it).
 */
export interface Migration {
  to: number;
  run(db: IDBPDatabase<VigieDB>, tx: UpgradeTransaction): void | Promise<void>;
}
