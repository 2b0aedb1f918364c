/**
 * Tells a page that left during the scan from a page that answered badly. A page may navigate at
 * any moment; a collector still running in the document it left answers nothing (Chromium
 * resolves the injection with a null result), or the browser rejects the injection because the
 * frame went away. Reporting that as "invalid result" would blame the page's data for what was a
 * change of page. Pure: the scan gathers the facts (tab states, injection outcomes) and asks here.
 */
import type { NotMeasured } from '../evidence/schema';
import { TimeoutError } from './timeout';

/** What `tabs.get` says of the tab; every field may be missing (no access, not yet known, Firefox). */
export interface TabState {
  url?: string;
  pendingUrl?: string;
  status?: string;
}

/**
 * The browsers' words for an injection whose frame or document disappeared before it answered:
 * Chromium's "Frame with ID 0 was removed.", "The frame was removed.", "No frame with id 0 in tab 1.",
 * Firefox's "Actor 'ExtensionContent' destroyed before query 'Execute' was resolved",
 * "Message manager disconnected" and a discarded browsing context.
 */
const DOCUMENT_GONE = /frame with id \d+ was removed|the frame was removed|no frame with id|destroyed before query|message manager disconnected|browsing ?context (?:has been |was )?discarded/i;

export function isDocumentGoneError(error: unknown): boolean {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return DOCUMENT_GONE.test(text.slice(0, 500));
}

// A fragment change keeps the document; anything else in the address is another document.
const documentAddress = (url: string) => url.split('#', 1)[0]!;

export interface ScanWatch {
  /** The address the scan set out to audit. */
  startUrl: string;
  /** The tab when the scan started, and once the injections settled (null: the tab could not be read). */
  before: TabState;
  after: TabState | null;
  /** `documentId` of each injection result (Chromium 106+; Firefox gives none). */
  documentIds: (string | undefined)[];
  /** Rejections of the injections. */
  errors: unknown[];
}

/** True when something shows the tab no longer holds the document the scan started on. */
export function pageChangedDuringScan(watch: ScanWatch): boolean {
  if (watch.errors.some(isDocumentGoneError)) return true;
  if (new Set(watch.documentIds.filter((id) => id !== undefined)).size > 1) return true;
  const { before, after } = watch;
  // A tab that cannot be read at all was closed: that is its own error, not a change of page.
  if (!after) return false;
  const start = documentAddress(watch.startUrl);
  if (after.pendingUrl !== undefined && after.pendingUrl !== '' && documentAddress(after.pendingUrl) !== start) return true;
  if (after.url !== undefined && after.url !== '' && documentAddress(after.url) !== start) return true;
  // Leaving for another origin takes the activeTab grant away: the address becomes hidden.
  if (before.url !== undefined && before.url !== '' && (after.url === undefined || after.url === '')) return true;
  // A reload or a navigation to the same address, not yet committed.
  return before.status === 'complete' && after.status === 'loading';
}

/** How an injected collector ended when its answer cannot be used. */
export type UnusableAnswer = { kind: 'rejected'; error: unknown } | { kind: 'invalid' };

/**
 * Why an injected collector's answer cannot be used: it ran out of time, the page changed under it,
 * or it answered something the schema refuses. Null when the browser refused to inject it at all:
 * the caller decides whether the scan can go on without it.
 */
export function unusableAnswerReason(answer: UnusableAnswer, pageChanged: boolean): NotMeasured['reason'] | null {
  if (answer.kind === 'rejected') {
    if (answer.error instanceof TimeoutError) return { key: 'notMeasured.timeout', params: { ms: answer.error.ms } };
    return pageChanged || isDocumentGoneError(answer.error) ? { key: 'notMeasured.page-changed', params: {} } : null;
  }
  return { key: pageChanged ? 'notMeasured.page-changed' : 'notMeasured.invalid-result', params: {} };
}
