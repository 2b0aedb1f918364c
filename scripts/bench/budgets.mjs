/**
 * The performance budgets (issue 11). Each: a figure key in the results, the limit, and whether the
 * figure must stay at most (`max`) or at least (`min`) the limit.
 */
export const BUDGETS = [
  { key: 'scan.message.medianMs', label: 'vigie:scan answer, median', limit: 150, unit: 'ms', kind: 'max' },
  { key: 'scan.click.medianMs', label: 'click to rendered result, median', limit: 400, unit: 'ms', kind: 'max' },
  { key: 'injected.largePage.mainThreadMs', label: 'injected code on a 100,000-element page (main thread)', limit: 20, unit: 'ms', kind: 'max' },
  { key: 'bundles.popup.jsGzipBytes', label: 'popup script, gzipped', limit: 40 * 1024, unit: 'B', kind: 'max' },
  // The knowledge base is data with its own budget (issue 16): the zip budget is for everything else.
  { key: 'bundles.chromeZipCodeBytes', label: 'zipped Chrome extension, without the knowledge base data', limit: 400 * 1024, unit: 'B', kind: 'max' },
  { key: 'bundles.knowledgeBase.gzipBytes', label: 'knowledge base data files (public/kb), gzipped', limit: 800 * 1024, unit: 'B', kind: 'max' },
  { key: 'scan.coldWorker.medianMs', label: 'vigie:scan after a stopped service worker (loads the knowledge base), median', limit: 600, unit: 'ms', kind: 'max' },
  { key: 'history.firstRenderMs', label: 'history page first render at 10,000 audits', limit: 200, unit: 'ms', kind: 'max' },
  // Side by side with the peers, same run, same page (issue 18): Vigie's scan stays well ahead.
  { key: 'peers.ratios.retireOverVigie', label: "Retire.js CLI time / Vigie's scan time, same files", limit: 2, unit: '×', kind: 'min' },
  { key: 'peers.ratios.lighthouseOverVigie', label: "Lighthouse js-libraries time / Vigie's scan time, same page", limit: 10, unit: '×', kind: 'min' },
  { key: 'cli.sitesPerMinute', label: 'CLI throughput at concurrency 16', limit: 600, unit: 'sites/min', kind: 'min' },
  { key: 'cli.peakRssBytes', label: 'CLI peak memory at concurrency 16', limit: 300 * 1024 * 1024, unit: 'B', kind: 'max' },
];

/** @param {Record<string, unknown>} results @param {string} key */
export function figure(results, key) {
  return key.split('.').reduce((/** @type {any} */ value, part) => (value == null ? undefined : value[part]), results);
}

/** @param {number} value @param {{ limit: number, kind: 'max' | 'min' }} budget */
export function meets(value, budget) {
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
}
