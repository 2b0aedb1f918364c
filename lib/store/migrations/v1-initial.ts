/** v1: audits, their summaries (both indexed by domain and date), checklist answers, settings. Frozen. */
import type { Migration } from './types';

export const v1Initial: Migration = {
  to: 1,
  run(db) {
    db.createObjectStore('audits', { keyPath: 'id' }).createIndex('by-domain', ['domain', 'startedAt']);
    db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('by-domain', ['domain', 'startedAt']);
    db.createObjectStore('checklist', { keyPath: 'domain' });
    db.createObjectStore('settings');
  },
};
