import { describe, expect, it } from 'vitest';
import { isDocumentGoneError, pageChangedDuringScan, unusableAnswerReason, type ScanWatch } from '../../lib/collect/page-change';
import { TimeoutError } from '../../lib/collect/timeout';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';

const START = 'https://shop.example/cart?id=1';
const watch = (over: Partial<ScanWatch> = {}): ScanWatch => ({
  startUrl: START,
  before: { url: START, status: 'complete' },
  after: { url: START, status: 'complete' },
  documentIds: ['DOC-A', 'DOC-A'],
  errors: [],
  ...over,
});

describe('the browsers\' words for a document that went away', () => {
  it('are recognised, in Chromium\'s and Firefox\'s wording', () => {
    for (const message of [
      'Frame with ID 0 was removed.',
      'The frame was removed.',
      'No frame with id 0 in tab 1367809632.',
      "Actor 'ExtensionContent' destroyed before query 'Execute' was resolved",
      'Message manager disconnected',
      'BrowsingContext has been discarded',
    ]) expect(isDocumentGoneError(new Error(message)), message).toBe(true);
  });
  it('are not confused with an error page, a closed tab, a refusal or a script error', () => {
    for (const message of [
      'Frame with ID 0 is showing error page',
      'No tab with id: 12.',
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      "Could not load file: 'content-scripts/snapshot.js'.",
      '',
    ]) expect(isDocumentGoneError(new Error(message)), message).toBe(false);
    expect(isDocumentGoneError(undefined)).toBe(false);
    expect(isDocumentGoneError({ message: 'The frame was removed.' })).toBe(false);
  });
});

describe('a page that changed during the scan', () => {
  it('is not seen when the tab still shows the same document', () => {
    expect(pageChangedDuringScan(watch())).toBe(false);
    // Firefox gives no document ids.
    expect(pageChangedDuringScan(watch({ documentIds: [undefined, undefined] }))).toBe(false);
    // A fragment change keeps the document.
    expect(pageChangedDuringScan(watch({ after: { url: `${START}#reviews`, status: 'complete' } }))).toBe(false);
    // A page still loading when the scan started and still loading after is no sign either.
    expect(pageChangedDuringScan(watch({ before: { url: START, status: 'loading' }, after: { url: START, status: 'loading' } }))).toBe(false);
  });

  it('is seen from a navigation under way or done', () => {
    // What Chromium shows while the injected snapshot comes back empty: the old address, the new one pending.
    expect(pageChangedDuringScan(watch({ after: { url: START, pendingUrl: 'https://shop.example/elsewhere', status: 'loading' } }))).toBe(true);
    expect(pageChangedDuringScan(watch({ after: { url: 'https://shop.example/elsewhere', status: 'complete' } }))).toBe(true);
    expect(pageChangedDuringScan(watch({ after: { url: 'https://shop.example/cart?id=2', status: 'complete' } }))).toBe(true);
  });

  it('is seen when the address became hidden (another origin took the activeTab grant away)', () => {
    expect(pageChangedDuringScan(watch({ after: { status: 'complete' } }))).toBe(true);
    // Hidden from the start (the address came from the page itself): no sign.
    expect(pageChangedDuringScan(watch({ before: { status: 'complete' }, after: { status: 'complete' } }))).toBe(false);
  });

  it('is seen from a reload to the same address', () => {
    expect(pageChangedDuringScan(watch({ after: { url: START, pendingUrl: START, status: 'loading' } }))).toBe(true);
  });

  it('is seen from answers coming from two documents', () => {
    expect(pageChangedDuringScan(watch({ documentIds: ['DOC-A', 'DOC-B'] }))).toBe(true);
    expect(pageChangedDuringScan(watch({ documentIds: ['DOC-A', undefined] }))).toBe(false);
  });

  it('is seen from the browser saying the frame went away', () => {
    expect(pageChangedDuringScan(watch({ errors: [new Error('Frame with ID 0 was removed.')] }))).toBe(true);
    expect(pageChangedDuringScan(watch({ errors: [new TimeoutError('page snapshot', 8000)] }))).toBe(false);
  });

  it('is not claimed for a closed tab (its own error)', () => {
    expect(pageChangedDuringScan(watch({ after: null }))).toBe(false);
  });
});

describe('why an answer cannot be used', () => {
  it('names the change of page, not the page\'s data, when the page left', () => {
    expect(unusableAnswerReason({ kind: 'invalid' }, true)).toEqual({ key: 'notMeasured.page-changed', params: {} });
    expect(unusableAnswerReason({ kind: 'rejected', error: new Error('The frame was removed.') }, false)).toEqual({ key: 'notMeasured.page-changed', params: {} });
    expect(unusableAnswerReason({ kind: 'rejected', error: new Error('Cannot access contents of url "https://other.example/".') }, true)).toEqual({ key: 'notMeasured.page-changed', params: {} });
  });

  it('keeps the other reasons', () => {
    expect(unusableAnswerReason({ kind: 'invalid' }, false)).toEqual({ key: 'notMeasured.invalid-result', params: {} });
    expect(unusableAnswerReason({ kind: 'rejected', error: new TimeoutError('page globals', 2000) }, true)).toEqual({ key: 'notMeasured.timeout', params: { ms: 2000 } });
    // A refusal to inject is the caller's to judge (it ends the scan for the snapshot).
    expect(unusableAnswerReason({ kind: 'rejected', error: new Error('Cannot access a chrome:// URL') }, false)).toBeNull();
  });

  it('are worded in both catalogues', () => {
    for (const key of ['notMeasured.page-changed', 'notMeasured.invalid-result', 'notMeasured.timeout'] as const) {
      expect(en[key]).toBeTruthy();
      expect(fr[key]).toBeTruthy();
    }
  });
});
