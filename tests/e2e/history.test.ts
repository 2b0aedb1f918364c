/**
 * The history in a real Chromium: a local site audited twice with a fix in between (HSTS added,
 * the PHP version header removed), both audits listed with a trend, compared side by side by
 * finding id; two extension pages (popup and report page) writing checklist answers at once; then
 * the whole history exported to a backup file, cleared (after a confirmation), restored from the
 * file, and found identical record for record.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Audit } from '../../lib/audit/schema';
import { POINT_IDS } from '../../lib/diagnosis/checklist-model';
import { translate } from '../../lib/i18n';
import { changingSite } from '../sites/changing.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, findingsOf, netLogPath } from './helpers';
import { KeyCounter, dumpStores, openPopup, scanInPopup, storedAudit, type StoreDump } from './support-pages';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
const DOMAIN = 'changing.test';
const changing = changingSite();

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('history');

beforeAll(async () => {
  sites = await startSites({ sites: [changing.site] });
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

type StoredAnswers = Record<string, { status: string; origin: string; note?: string; confirmedAt?: string }>;

async function storedAnswers(page: Page): Promise<StoredAnswers> {
  const dump = await dumpStores(page, ['checklist']);
  return (dump.checklist?.find((r) => r.key === DOMAIN)?.value as { answers?: StoredAnswers } | undefined)?.answers ?? {};
}

/** Polls until `check` holds on the stored answers (each page saves in the background). */
async function waitForAnswers(page: Page, check: (answers: StoredAnswers) => boolean): Promise<StoredAnswers> {
  const deadline = Date.now() + 10_000;
  let answers = await storedAnswers(page);
  while (!check(answers) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    answers = await storedAnswers(page);
  }
  return answers;
}

const ids = (findings: Audit['findings']) => findings.map((f) => f.id).sort();

describe('a site audited twice with a fix in between', () => {
  let first: Audit;
  let second: Audit;
  let popup: Page;
  let report: Page;

  it('finds the version header and the missing HSTS, then sees both fixed', async () => {
    const { page, tabId } = await vigie.openTab(sites.url(DOMAIN, 'https', '/'));
    first = auditOf(await vigie.scan(tabId)).audit;
    expect(first.domain).toBe(DOMAIN);
    expect(findingsOf(first, 'disclosure.version-header', 'x-powered-by')).toHaveLength(1);
    expect(findingsOf(first, 'transport.hsts-missing')).toHaveLength(1);

    changing.setPhase('after');
    await page.reload();
    popup = await openPopup(vigie, tabId);
    const secondId = await scanInPopup(popup);
    second = await storedAudit(vigie.controlPage, secondId);
    expect(second.domain).toBe(DOMAIN);
    expect(findingsOf(second, 'disclosure.version-header')).toHaveLength(0);
    expect(findingsOf(second, 'transport.hsts-missing')).toHaveLength(0);
    expect(second.score.value).toBeGreaterThan(first.score.value);
  });

  it('loses no answer when the popup and the report page write checklist answers at once', async () => {
    report = await vigie.context.newPage();
    await report.goto(`${vigie.base}/report.html?id=${second.id}`);
    await report.waitForSelector('[data-testid=report]');
    // A setting to back up too: the site's criticality, declared once in the report page.
    await report.check('[data-testid=criticality] input[value=high]');
    await expect
      .poll(() => vigie.controlPage.evaluate(async () => ((await chrome.storage.local.get('vigie:settings'))['vigie:settings'] as { criticality?: Record<string, string> } | undefined)?.criticality))
      .toEqual({ [DOMAIN]: 'high' });
    await popup.click('[data-testid=popup-checklist] > summary');

    // The popup answers blocks A and B, the report page blocks C, D and E, both typing at once.
    await popup.click('[data-testid=checklist-point][data-point=A1] .point-label');
    await report.click('[data-testid=checklist-point][data-point=C1] .point-label');
    const popupKeys = new KeyCounter(popup);
    const reportKeys = new KeyCounter(report);
    await Promise.all([popupKeys.press(...Array<string>(10).fill('o')), reportKeys.press(...Array<string>(18).fill('n'))]);
    const want = (id: string) => (id < 'C' ? 'ok' : 'na');

    const answers = await waitForAnswers(vigie.controlPage, (a) => POINT_IDS.every((id) => a[id]?.status === want(id)));
    for (const id of POINT_IDS) expect(answers[id], id).toMatchObject({ status: want(id), origin: 'user' });

    // Then a burst of single-point saves from both pages at the same instant, one message per point.
    const burst = (page: Page, points: readonly string[], note: string) =>
      page.evaluate(
        ({ points, note, domain }) =>
          Promise.all(
            points.map((p) =>
              chrome.runtime.sendMessage({ type: 'vigie:checklist', domain, answers: { [p]: { status: 'partial', origin: 'user', note, confirmedAt: new Date().toISOString() } } }),
            ),
          ),
        { points, note, domain: DOMAIN },
      );
    const responses = await Promise.all([burst(popup, POINT_IDS.slice(0, 14), 'from the popup'), burst(report, POINT_IDS.slice(14), 'from the report')]);
    for (const r of responses.flat()) expect(r).toMatchObject({ ok: true });
    const merged = await storedAnswers(vigie.controlPage);
    for (const [i, id] of POINT_IDS.entries()) {
      expect(merged[id], id).toMatchObject({ status: 'partial', origin: 'user', note: i < 14 ? 'from the popup' : 'from the report' });
    }

    // The latest audit's snapshot follows the stored answers.
    const snapshot = (await storedAudit(vigie.controlPage, second.id)).checklist.points;
    expect(snapshot.map((p) => [p.id, p.status, p.note])).toEqual(POINT_IDS.map((id, i) => [id, 'partial', i < 14 ? 'from the popup' : 'from the report']));

    // A page opened afterwards shows every answer.
    await report.reload();
    await report.waitForSelector('[data-testid=report]');
    const shown = await report.$$eval('[data-testid=checklist-point]', (items) => items.map((li) => li.getAttribute('data-status')));
    expect(shown).toEqual(POINT_IDS.map(() => 'partial'));
    await report.close();
    await popup.close();
    second = await storedAudit(vigie.controlPage, second.id);
  });

  let history: Page;

  it('lists the domain with its trend, and its two audits newest first', async () => {
    history = await vigie.context.newPage();
    await history.goto(`${vigie.base}/audits.html`);
    const row = await history.waitForSelector(`[data-testid=domain-list] tr[data-domain="${DOMAIN}"]`);
    expect(await row.$eval('[data-trend]', (el) => el.getAttribute('data-trend'))).toBe('up');
    expect((await row.$$eval('td', (cells) => cells.map((c) => c.textContent)))[5]).toBe('2');
    await row.$eval('a', (a) => (a as HTMLAnchorElement).click());
    await history.waitForSelector('[data-testid=timeline]');
    expect(await history.$$eval('[data-testid=timeline] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-audit-id')))).toEqual([second.id, first.id]);
  });

  it('compares the two audits side by side, by finding id', async () => {
    expect(await history.isDisabled('[data-testid=compare-button]')).toBe(true);
    await history.check(`[data-testid=timeline] tr[data-audit-id="${first.id}"] input[type=checkbox]`);
    await history.check(`[data-testid=timeline] tr[data-audit-id="${second.id}"] input[type=checkbox]`);
    await history.click('[data-testid=compare-button]');
    await history.waitForSelector('[data-testid=compare]');

    const listed = (testId: string) => history.$$eval(`[data-testid=${testId}] [data-finding-id]`, (items) => items.map((li) => li.getAttribute('data-finding-id')!).sort());
    const before = new Set(ids(first.findings));
    const after = new Set(ids(second.findings));
    const fixed = await listed('compare-fixed');
    expect(fixed).toEqual([...before].filter((id) => !after.has(id)).sort());
    expect(fixed).toEqual(expect.arrayContaining([findingsOf(first, 'disclosure.version-header', 'x-powered-by')[0]!.id, findingsOf(first, 'transport.hsts-missing')[0]!.id]));
    expect(await listed('compare-appeared')).toEqual([...after].filter((id) => !before.has(id)).sort());
    expect(await listed('compare-unchanged')).toEqual([...after].filter((id) => before.has(id)).sort());
    expect(await history.textContent('[data-testid=compare-score]')).toContain(en('history.compare.score', { from: first.score.value, to: second.score.value }));
    // The checklist was answered after the first audit: every point changed between the two.
    expect(await history.$$eval('[data-testid=compare-checklist] li', (items) => items.length)).toBe(28);
  });

  it('backs the history up, clears it after a confirmation, restores it and finds it identical', async () => {
    const before: StoreDump = await dumpStores(vigie.controlPage);
    const storageBefore = await vigie.controlPage.evaluate(() => chrome.storage.local.get(null));
    expect(before.audits!.map((r) => r.key).sort()).toEqual([first.id, second.id].sort());
    expect(before.checklist).toHaveLength(1);
    expect(storageBefore['vigie:settings']).toMatchObject({ criticality: { [DOMAIN]: 'high' } });

    const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: en('history.backup.download') }).click()]);
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`vigie-history-${today}.json.gz`);
    const file = (await download.path())!;
    const backup = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { audits: Audit[] };
    expect(backup.audits.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    await history.waitForSelector('[data-testid=backup-message]');

    // Cancelling the confirmation deletes nothing.
    const dialogs: string[] = [];
    history.once('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await history.click('[data-testid=delete-all]');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toBe(en('history.delete.all.confirm'));
    expect(await dumpStores(vigie.controlPage)).toEqual(before);

    history.once('dialog', (d) => void (dialogs.push(d.message()), d.accept()));
    await history.click('[data-testid=delete-all]');
    await history.waitForSelector('[data-testid=history-empty]');
    const cleared = await dumpStores(vigie.controlPage, ['audits', 'summaries', 'domains', 'checklist', 'agencyFields']);
    for (const [store, rows] of Object.entries(cleared)) expect(rows, store).toEqual([]);

    await history.setInputFiles('input[name=backup-file]', file);
    await history.click('.restore-form button[type=submit]');
    await history.waitForFunction(
      (text) => document.querySelector('[data-testid=backup-message]')?.textContent === text,
      en('history.restore.done', { added: 2, skipped: 0 }),
      { timeout: 15_000 },
    );

    expect(await dumpStores(vigie.controlPage)).toEqual(before);
    expect(await vigie.controlPage.evaluate(() => chrome.storage.local.get(null))).toEqual(storageBefore);
    // The page shows the restored domain again.
    await history.waitForSelector(`[data-testid=domain-list] tr[data-domain="${DOMAIN}"]`);
    await history.close();
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test site', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, [DOMAIN]);
  });
});
