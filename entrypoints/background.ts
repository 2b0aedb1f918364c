import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildAudit } from '../lib/audit/build';
import { collectTab, ScanError } from '../lib/collect/scan-tab';
import { createTranslator, pickLocale } from '../lib/i18n';
import { isFromExtensionPage, VigieRequest, type ScanResponse } from '../lib/messages';
import { openVigieDB, previousSummary, saveAudit } from '../lib/store/db';
import { detectPlatform } from '../lib/collect/platform';
import { setGradeBadge } from '../lib/collect/badge';

async function scan(tabId: number): Promise<ScanResponse> {
  const locale = pickLocale([browser.i18n.getUILanguage()]);
  const { t } = createTranslator(locale);
  const startedAt = new Date();
  const t0 = performance.now();
  try {
    const collected = await collectTab(tabId);
    const audit = buildAudit({
      id: crypto.randomUUID(),
      evidence: collected.evidence,
      notMeasured: collected.notMeasured,
      startedAt,
      durationMs: performance.now() - t0,
      platform: detectPlatform(navigator.userAgent),
      locale,
      onRuleError: (ruleId, error) => console.error(`Vigie: rule ${ruleId} failed`, error),
    });
    const db = await openVigieDB();
    const previous = await previousSummary(db, audit.domain, audit.startedAt);
    await saveAudit(db, audit);
    await setGradeBadge(tabId, audit.score.grade);
    return {
      ok: true,
      audit,
      previous: previous && { id: previous.id, startedAt: previous.startedAt, score: previous.score, grade: previous.grade },
    };
  } catch (error) {
    const scanError = error instanceof ScanError ? error : new ScanError('internal', 'error.internal', { detail: String((error as Error)?.message ?? error).slice(0, 200) });
    if (scanError.code === 'internal') console.error('Vigie: scan failed', error);
    return { ok: false, error: { code: scanError.code, message: t(scanError.messageKey, scanError.params), messageKey: scanError.messageKey, params: scanError.params } };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = VigieRequest.safeParse(message);
    if (!request.success) return undefined;
    if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      return Promise.resolve({ ok: false, error: { code: 'permission-missing', message: 'Refused: Vigie only answers its own pages.', messageKey: 'error.refused', params: {} } });
    }
    switch (request.data.type) {
      case 'vigie:scan':
        return scan(request.data.tabId);
    }
  });
});
