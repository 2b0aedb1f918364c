/** Helpers for write transactions that either commit whole or leave the database as it was. */
import type { IDBPTransaction, StoreNames } from 'idb';
import { toStoreError } from './errors';
import type { VigieDB } from './schema';

type AnyWriteTx = Pick<IDBPTransaction<VigieDB, ArrayLike<StoreNames<VigieDB>>, 'readwrite'>, 'abort' | 'done'>;

/**
 * Runs `work` in `tx` and waits for the commit. Any failure (a quota error included) aborts the
 * transaction, so nothing of it is kept, and comes back as a StoreError with an i18n key.
 */
export async function commitOrAbort<T>(tx: AnyWriteTx, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    try { tx.abort(); } catch { /* already committed or aborted */ }
    await tx.done.catch(() => undefined);
    throw toStoreError(error);
  }
}

/** Queues every request, then waits for all; a synchronous throw still leaves no unobserved promise. */
export async function queueAll(start: () => Iterable<Promise<unknown>>): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const request of start()) pending.push(request);
  } catch (error) {
    for (const p of pending) p.catch(() => undefined);
    throw error;
  }
  await Promise.all(pending);
}
