import '../lib/zod-setup';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildAudit } from '../lib/audit/build';
import { domainOf } from '../lib/audit/domain';
import type { Audit } from '../lib/audit/schema';
import { setGradeBadge } from '../lib/collect/badge';
import { detectPlatform } from '../lib/collect/platform';
import { extensionKnowledgeBase } from '../lib/collect/kb';
import { collectTab, ScanError } from '../lib/collect/scan-tab';
import type { ChecklistAnswers } from '../lib/diagnosis/answers';
import { rediagnose } from '../lib/diagnosis/rediagnose';
import { firstSeenDates } from '../lib/history/first-seen';
import { createTranslator, pickLocale, type Locale } from '../lib/i18n';
import { isFromExtensionPage, VigieRequest, type ChecklistResponse, type ScanResponse, type VigieError } from '../lib/messages';
import type { Settings } from '../lib/settings/schema';
import { loadSettings } from '../lib/settings/storage';
import { getChecklist, saveChecklist } from '../lib/store/checklist';
import { domainSummaries, getAudit, openVigieDB, saveAudit, type VigieDatabase } from '../lib/store/db';
import { isQuotaError, StoreError } from '../lib/store/errors';

function auditLocale(settings: Settings): Locale {
  const choice = settings.language.ui;
  return choice === 'auto' ? pickLocale([browser.i18n.getUILanguage()]) : choice;
}

function toError(error: unknown, locale: Locale): VigieError {
  const { t } = createTranslator(locale);
  if (error instanceof StoreError || isQuotaError(error)) {
    // A full disk or a failed write: the scan ran, but nothing already stored was lost.
    const key = error instanceof StoreError ? error.messageKey : 'history.error.quota';
    return { code: 'storage', message: t(key), messageKey: key, params: {} };
  }
  const scanError = error instanceof ScanError ? error : new ScanError('internal', 'error.internal', { detail: String((error as Error)?.message ?? error).slice(0, 200) });
  if (scanError.code === 'internal') console.error('Vigie: request failed', error);
  return { code: scanError.code, message: t(scanError.messageKey, scanError.params), messageKey: scanError.messageKey, params: scanError.params };
}

async function historyOf(db: VigieDatabase, domain: string) {
  const summaries = await domainSummaries(db, domain);
  return { summaries, firstSeen: firstSeenDates(summaries) };
}

async function scan(tabId: number): Promise<ScanResponse> {
  const settings = await loadSettings();
  const locale = auditLocale(settings);
  const startedAt = new Date();
  const t0 = performance.now();
  try {
    // The knowledge base is read while the page is examined (the first scan of a worker's life pays for it).
    const [collected, kb] = await Promise.all([collectTab(tabId), extensionKnowledgeBase()]);
    const db = await openVigieDB();
    const domain = domainOf(collected.evidence.url);
    const [{ summaries, firstSeen }, stored] = await Promise.all([historyOf(db, domain), getChecklist(db, domain)]);
    const audit = buildAudit({
      id: crypto.randomUUID(),
      evidence: collected.evidence,
      notMeasured: collected.notMeasured,
      startedAt,
      durationMs: performance.now() - t0,
      platform: detectPlatform(navigator.userAgent),
      locale,
      kb,
      answers: stored?.answers ?? {},
      settings,
      firstSeen,
      onRuleError: (ruleId, error) => console.error(`Vigie: rule ${ruleId} failed`, error),
    });
    const previous = summaries.find((s) => s.startedAt < audit.startedAt) ?? null;
    await saveAudit(db, audit);
    await setGradeBadge(tabId, audit.headerSource === 'none' ? null : audit.score.grade);
    return { ok: true, audit, previous: previous && { id: previous.id, startedAt: previous.startedAt, score: previous.score, grade: previous.grade } };
  } catch (error) {
    return { ok: false, error: toError(error, locale) };
  }
}

/**
 * Checklist saves of one domain run one after the other: each re-diagnoses the latest audit from
 * the merged answers, so a slower earlier save can never write an older snapshot last.
 */
const answerQueues = new Map<string, Promise<unknown>>();
function saveAnswersInOrder(domain: string, answers: ChecklistAnswers): Promise<ChecklistResponse> {
  const previous = answerQueues.get(domain) ?? Promise.resolve();
  const next = previous.then(() => saveAnswers(domain, answers));
  const settled = next.catch(() => undefined);
  answerQueues.set(domain, settled);
  void settled.then(() => {
    if (answerQueues.get(domain) === settled) answerQueues.delete(domain);
  });
  return next;
}

/** Saves a domain's answers (merged point by point) and returns its latest audit re-diagnosed. */
async function saveAnswers(domain: string, answers: ChecklistAnswers): Promise<ChecklistResponse> {
  const settings = await loadSettings();
  const locale = auditLocale(settings);
  try {
    const db = await openVigieDB();
    const merged = await saveChecklist(db, { domain, answers, updatedAt: new Date().toISOString() });
    const { summaries, firstSeen } = await historyOf(db, domain);
    const latest: Audit | null = summaries[0] ? await getAudit(db, summaries[0].id) : null;
    if (!latest) {
      const { t } = createTranslator(locale);
      return { ok: false, error: { code: 'no-audit', message: t('error.no-audit'), messageKey: 'error.no-audit', params: {} } };
    }
    // The latest audit's snapshot follows the answers; older audits keep the answers of their day.
    const audit = rediagnose(latest, merged.answers, { settings, firstSeen });
    await saveAudit(db, audit);
    return { ok: true, audit };
  } catch (error) {
    return { ok: false, error: toError(error, locale) };
  }
}

/** A refused message, worded from the catalogues in the browser's language. */
function refusal(code: VigieError['code'], messageKey: string): { ok: false; error: VigieError } {
  const { t } = createTranslator(pickLocale([browser.i18n.getUILanguage()]));
  return { ok: false, error: { code, message: t(messageKey), messageKey, params: {} } };
}

export default defineBackground(() => {
  // Firefox automation (WebDriver BiDi) cannot navigate to moz-extension:// pages: the test build
  // opens its own driver page once installed. Never in the published build.
  if (__VIGIE_TEST_BUILD__ && import.meta.env.FIREFOX) {
    browser.runtime.onInstalled.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?harness=1' as '/popup.html') }));
  }

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== 'object' || message === null || !String((message as { type?: unknown }).type).startsWith('vigie:')) return undefined;
    if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      return Promise.resolve(refusal('permission-missing', 'error.refused'));
    }
    const request = VigieRequest.safeParse(message);
    if (!request.success) {
      return Promise.resolve(refusal('invalid-request', 'error.invalid-request'));
    }
    switch (request.data.type) {
      case 'vigie:scan':
        return scan(request.data.tabId);
      case 'vigie:checklist':
        return saveAnswersInOrder(request.data.domain, request.data.answers);
    }
  });
});
