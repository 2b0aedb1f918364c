/**
 * The 28-point checklist in a real Chromium: answered from the keyboard only in the popup (one key
 * per point, at most 60 in all), per-block progress, the rule of three criticals and the validation
 * rule following the answers, then the popup closed and reopened for the same tab: a rescan carries
 * the answers forward with the date they were confirmed, and the audit JSON keeps them with their
 * origin (typed by the user, or the scan's suggestion accepted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PointId } from '../../lib/audit/schema';
import { CHECKLIST, POINT_IDS } from '../../lib/diagnosis/checklist-model';
import { translate } from '../../lib/i18n';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { weakSite } from '../sites/weak.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { expectOnlyLocalRequests, netLogPath } from './helpers';
import { KeyCounter, dumpStores, openPopup, pointStatuses, pointSuggestions, scanInPopup, storedAudit } from './support-pages';

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);
/** The points whose KO raises S2 (no staging), S3 (stale updates) and S4 (no tested backup). */
const THREE: readonly PointId[] = ['D1', 'D4', 'C3'];
const levelOf = (id: PointId) => CHECKLIST.find((p) => p.id === id)!.level;

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('checklist');

beforeAll(async () => {
  sites = await startSites({ sites: [weakSite] });
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function waitForStatuses(page: Page, expected: Record<string, string>) {
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-testid=checklist-point]')];
      return rows.length === Object.keys(want).length && rows.every((li) => li.getAttribute('data-status') === want[li.getAttribute('data-point')!]);
    },
    expected,
    { timeout: 10_000 },
  );
}

async function progress(page: Page): Promise<Record<string, string>> {
  const rows = await page.$$eval('[data-testid^=progress-]', (items) => items.map((li) => [li.getAttribute('data-testid')!.slice('progress-'.length), li.querySelector('strong')?.textContent ?? '']));
  return Object.fromEntries(rows);
}

describe('the checklist answered from the keyboard in the popup', () => {
  let tabId: number;
  let popup: Page;
  let firstAuditId: string;
  /** The final answer of each point, and how it was given. */
  const expected: Record<string, string> = {};
  const origins: Record<string, 'user' | 'accepted'> = {};
  let answeredFrom: Date;
  let answeredTo: Date;

  it('starts with every point unknown and the scan suggestions shown', async () => {
    ({ tabId } = await vigie.openTab(sites.url('weak.test', 'http', '/')));
    popup = await openPopup(vigie, tabId);
    firstAuditId = await scanInPopup(popup);
    const statuses = await pointStatuses(popup);
    expect(Object.keys(statuses)).toEqual([...POINT_IDS]);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['unknown']));
    expect(await progress(popup)).toEqual({ A: '0/5', B: '0/5', C: '0/4', D: '0/5', E: '0/9' });
    // weak.test shows its software versions: the scan has something to say about some points.
    expect(Object.keys(await pointSuggestions(popup)).length).toBeGreaterThan(0);
    expect(await popup.getAttribute('[data-testid=verdict]', 'data-three')).not.toBe('probable');
    expect(await popup.$('[data-testid=three-criticals][role=alert]')).toBeNull();
  });

  it('answers all 28 points, then corrects three of them, in at most 60 keystrokes', async () => {
    const suggestions = await pointSuggestions(popup);
    const keys = new KeyCounter(popup);
    answeredFrom = new Date();

    // Reach the checklist: the summary takes the focus (as Tab would), Enter opens it and puts the keyboard on it.
    await popup.focus('[data-testid=popup-checklist] > summary');
    await keys.press('Enter');
    // The toggle event that moves the focus comes a moment after the key, as it does for a person.
    await popup.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'checklist', undefined, { timeout: 2000 });

    // One key per point: KO for the three criticals, Enter to accept a usable suggestion on an
    // "élevé" point, OK otherwise (digits and letters both).
    let accepted = 0;
    for (const id of POINT_IDS) {
      const suggestion = suggestions[id];
      if (THREE.includes(id)) {
        await keys.press(id === 'D4' ? '3' : 'k');
        expected[id] = 'ko';
        origins[id] = 'user';
      } else if (suggestion && suggestion !== 'unknown' && levelOf(id) === 'eleve') {
        await keys.press('Enter');
        expected[id] = suggestion;
        origins[id] = 'accepted';
        accepted++;
      } else {
        await keys.press(levelOf(id) === 'critique' ? '1' : 'o');
        expected[id] = 'ok';
        origins[id] = 'user';
      }
      if (id === 'A5') {
        // Block A is complete, block B not started.
        await popup.waitForFunction(() => document.querySelector('[data-testid=progress-A] strong')?.textContent === '5/5');
        expect((await progress(popup)).B).toBe('0/5');
        expect(await popup.getAttribute('[data-testid=progress-A]', 'class')).toContain('done');
      }
    }
    expect(accepted, 'at least one suggestion accepted with Enter').toBeGreaterThan(0);
    await waitForStatuses(popup, expected);
    expect(await progress(popup)).toEqual({ A: '5/5', B: '5/5', C: '4/4', D: '5/5', E: '9/9' });
    expect(keys.count).toBe(29);

    // No staging, stale updates, no tested backup: the rule of three says "probable", prominently.
    await popup.waitForSelector('[data-testid=verdict][data-three=probable]', { timeout: 10_000 });
    expect(await popup.textContent('[data-testid=three-criticals][role=alert]')).toBe(en('verdict.three.probable'));
    expect(await popup.getAttribute('[data-testid=verdict]', 'data-sufficient')).toBe('false');
    const insufficient = (await popup.textContent('[data-testid=sufficiency]'))!;
    for (const id of THREE) expect(insufficient).toContain(id);

    // Back to the first point, down to C3, D1 and D4, each corrected to OK.
    await keys.press('Home', ...Array<string>(12).fill('j'), 'o', 'j', 'o', 'ArrowDown', 'ArrowDown', 'o');
    for (const id of THREE) expected[id] = 'ok';
    await waitForStatuses(popup, expected);
    answeredTo = new Date();
    expect(keys.count).toBe(48);
    expect(keys.count).toBeLessThanOrEqual(60);

    await popup.waitForSelector('[data-testid=verdict][data-sufficient=true]', { timeout: 10_000 });
    expect(await popup.getAttribute('[data-testid=verdict]', 'data-three')).toBe('no');
    expect(await popup.$('[data-testid=three-criticals]')).toBeNull();
    expect(await popup.textContent('[data-testid=sufficiency]')).toBe(en('verdict.sufficient'));
  });

  it('saved every answer for the domain, with its origin, as it was typed', async () => {
    // The background saves on every change; wait until the last one is stored.
    const deadline = Date.now() + 10_000;
    let answers: Record<string, { status: string; origin: string; confirmedAt?: string }> = {};
    while (Date.now() < deadline) {
      const dump = await dumpStores(vigie.controlPage, ['checklist']);
      answers = (dump.checklist?.find((r) => r.key === 'weak.test')?.value as { answers?: typeof answers } | undefined)?.answers ?? {};
      if (POINT_IDS.every((id) => answers[id]?.status === expected[id])) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const id of POINT_IDS) {
      expect(answers[id], id).toMatchObject({ status: expected[id], origin: origins[id] });
      const at = Date.parse(answers[id]!.confirmedAt!);
      expect(at).toBeGreaterThanOrEqual(answeredFrom.getTime() - 1000);
      expect(at).toBeLessThanOrEqual(answeredTo.getTime() + 1000);
    }
  });

  it('keeps the answers when the popup is closed and reopened, and carries them to the next audit', async () => {
    await popup.close();
    popup = await openPopup(vigie, tabId);
    const rescanFrom = new Date();
    const secondId = await scanInPopup(popup);
    expect(secondId).not.toBe(firstAuditId);

    await waitForStatuses(popup, expected);
    expect(await progress(popup)).toEqual({ A: '5/5', B: '5/5', C: '4/4', D: '5/5', E: '9/9' });
    expect(await popup.getAttribute('[data-testid=verdict]', 'data-sufficient')).toBe('true');
    expect(await popup.getAttribute('[data-testid=verdict]', 'data-three')).toBe('no');
    // Each answered point says when it was last confirmed.
    expect(await popup.$$eval('[data-testid=checklist-point] .point-confirmed', (items) => items.length)).toBe(28);

    const audit = await storedAudit(vigie.controlPage, secondId);
    expect(audit.diagnosis.sufficient).toBe(true);
    expect(audit.diagnosis.threeCriticals).toBe('no');
    expect(audit.checklist.points.map((p) => p.id)).toEqual([...POINT_IDS]);
    for (const point of audit.checklist.points) {
      expect(point.status, point.id).toBe(expected[point.id]);
      expect(point.origin, point.id).toBe(origins[point.id]);
      // Carried forward with the date of the answer, not re-stamped by the new audit.
      const at = Date.parse(point.confirmedAt!);
      expect(at, point.id).toBeGreaterThanOrEqual(answeredFrom.getTime() - 1000);
      expect(at, point.id).toBeLessThan(rescanFrom.getTime());
    }
    const acceptedPoints = audit.checklist.points.filter((p) => p.origin === 'accepted');
    expect(acceptedPoints.length).toBeGreaterThan(0);
    for (const p of acceptedPoints) expect(p.status).toBe(p.suggested?.status);

    // The audit the answers were given on also keeps them in its snapshot.
    const first = await storedAudit(vigie.controlPage, firstAuditId);
    for (const point of first.checklist.points) expect({ id: point.id, status: point.status, origin: point.origin }).toEqual({ id: point.id, status: expected[point.id], origin: origins[point.id] });
    await popup.close();
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test site', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['weak.test']);
  });
});
