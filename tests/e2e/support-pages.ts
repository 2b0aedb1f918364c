/**
 * Helpers for the end-to-end tests of the diagnosis, history and exports: the popup scanned through
 * its button, the raw contents of Vigie's IndexedDB read from an extension page, and keyboard input
 * that counts its keystrokes.
 */
import type { Page } from 'playwright-core';
import type { Audit } from '../../lib/audit/schema';
import type { Vigie } from './harness.mjs';

/** Opens the popup for a tab (the test build waits for its scan button). */
export async function openPopup(vigie: Vigie, tabId: number): Promise<Page> {
  const popup = await vigie.context.newPage();
  await popup.goto(`${vigie.base}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('[data-testid=scan]');
  return popup;
}

/** Clicks the popup's scan button and waits for a result other than `previousId`; returns the audit id. */
export async function scanInPopup(popup: Page, previousId: string | null = null): Promise<string> {
  await popup.click('[data-testid=scan]');
  const handle = await popup.waitForFunction(
    (prev) => {
      const error = document.querySelector('[data-testid=error]');
      if (error) return `error:${error.getAttribute('data-error-code')}`;
      const id = document.querySelector('[data-testid=result]')?.getAttribute('data-audit-id');
      return id && id !== prev ? id : null;
    },
    previousId,
    { timeout: 30_000 },
  );
  const id = (await handle.jsonValue()) as string;
  if (id.startsWith('error:')) throw new Error(`The popup scan failed: ${id}`);
  return id;
}

export const HISTORY_STORE_NAMES = ['audits', 'summaries', 'domains', 'checklist', 'agencyFields', 'settings'] as const;
export type StoreDump = Record<string, Array<{ key: unknown; value: unknown }>>;

/**
 * Every record of the given stores of Vigie's database, read with the raw IndexedDB API from an
 * extension page (same origin as the background), sorted by key.
 */
export async function dumpStores(page: Page, stores: readonly string[] = HISTORY_STORE_NAMES): Promise<StoreDump> {
  return page.evaluate(async (names: string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const out: Record<string, Array<{ key: unknown; value: unknown }>> = {};
      const present = names.filter((n) => db.objectStoreNames.contains(n));
      const tx = db.transaction(present, 'readonly');
      await Promise.all(
        present.map(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const rows: Array<{ key: unknown; value: unknown }> = [];
              const request = tx.objectStore(name).openCursor();
              request.onsuccess = () => {
                const cursor = request.result;
                if (!cursor) {
                  out[name] = rows;
                  resolve();
                  return;
                }
                rows.push({ key: cursor.key, value: cursor.value });
                cursor.continue();
              };
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return out;
    } finally {
      db.close();
    }
  }, [...stores]);
}

/** One audit as stored (the audit JSON of the contract). */
export async function storedAudit(page: Page, id: string): Promise<Audit> {
  const dump = await dumpStores(page, ['audits']);
  const row = dump.audits?.find((r) => r.key === id);
  if (!row) throw new Error(`No stored audit ${id}`);
  return row.value as Audit;
}

/** Presses keys one by one on the focused element, counting them. */
export class KeyCounter {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(...keys: string[]) {
    for (const key of keys) {
      await this.page.keyboard.press(key);
      this.count++;
    }
  }
}

/** The status shown for each checklist point, in order. */
export async function pointStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await page.$$eval('[data-testid=checklist-point]', (items) => items.map((li) => [li.getAttribute('data-point')!, li.getAttribute('data-status')!]));
  return Object.fromEntries(rows);
}

/** Suggested status per point, for the points that have one. */
export async function pointSuggestions(page: Page): Promise<Record<string, string>> {
  const rows = await page.$$eval('[data-testid=checklist-point]', (items) =>
    items.flatMap((li) => {
      const s = li.querySelector('[data-testid=suggestion]');
      return s ? [[li.getAttribute('data-point')!, s.getAttribute('data-suggested')!]] : [];
    }),
  );
  return Object.fromEntries(rows);
}
