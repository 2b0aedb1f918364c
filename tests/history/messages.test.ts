/** Every message key the store and the restore can return exists in both languages. */
import { describe, expect, it } from 'vitest';
import { history as en } from '../../lib/i18n/en/history';
import { history as fr } from '../../lib/i18n/fr/history';
import type { RestoreErrorKey } from '../../lib/store/backup/read';
import type { StoreErrorKey } from '../../lib/store/errors';

// Listing the keys as records of the union makes tsc fail here when a key is added to the code but not to this list.
const restoreKeys: Record<RestoreErrorKey, true> = {
  'history.restore.error.tooLarge': true, 'history.restore.error.damaged': true, 'history.restore.error.tooDeep': true,
  'history.restore.error.forbiddenKey': true, 'history.restore.error.otherFormat': true, 'history.restore.error.newerVersion': true,
  'history.restore.error.tooMany': true, 'history.restore.error.invalidRecord': true, 'history.restore.error.settings': true,
};
const storeKeys: Record<StoreErrorKey, true> = { 'history.error.quota': true, 'history.error.write': true, 'history.error.open': true };

describe('history messages', () => {
  it('cover every error key in EN and FR', () => {
    for (const key of [...Object.keys(restoreKeys), ...Object.keys(storeKeys)]) {
      expect(en, key).toHaveProperty([key]);
      expect(fr[key as keyof typeof fr], key).toBeTruthy();
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(fr[key]), key).toEqual(names(en[key]));
  });

  it('name the record kinds the restore can report', () => {
    for (const kind of ['audit', 'checklist', 'monthly']) expect(en).toHaveProperty([`history.restore.kind.${kind}`]);
  });
});
