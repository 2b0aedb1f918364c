// @vitest-environment happy-dom
/**
 * The history page lists domains and a domain's timeline from summaries only; full audits are
 * read when (and only when) a comparison is asked for. Page-derived text is never markup.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { until } from '../support/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryIO } from '../../components/history/io';
import { TranslatorProvider } from '../../components/i18n';
import { HistoryPage } from '../../entrypoints/audits/HistoryPage';
import { Audit } from '../../lib/audit/schema';
import { saveAudit, type VigieDatabase } from '../../lib/store/db';
import { baseAudit, freshDb, makeAudit } from '../store/helpers';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});


function fakeIO(confirmAnswer = true): HistoryIO & { downloads: { name: string; blob: Blob }[]; questions: string[] } {
  const downloads: { name: string; blob: Blob }[] = [];
  const questions: string[] = [];
  return {
    downloads, questions,
    readSettings: async () => null,
    estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 }),
    download: (blob, name) => void downloads.push({ blob, name }),
    confirm: (q) => { questions.push(q); return confirmAnswer; },
  };
}

async function seed(db: VigieDatabase) {
  const ids = baseAudit().findings.map((f) => f.id);
  const hostile = '<img src=x onerror="alert(1)">Injected';
  const older = makeAudit({ domain: 'shop.example', startedAt: '2026-10-01T10:00:00.000Z', score: 50, grade: 'C', findingIds: ids });
  const middle = makeAudit({ domain: 'shop.example', startedAt: '2026-10-15T10:00:00.000Z', score: 60, grade: 'C+', findingIds: ids });
  const newer = makeAudit({ domain: 'shop.example', startedAt: '2026-11-01T10:00:00.000Z', score: 80, grade: 'B', findingIds: [...ids.slice(1), 'disclosure.version-header:x-generator'] });
  // Page-supplied text reaches the title through the message's parameters (the title is translated from them).
  const last = newer.findings[newer.findings.length - 1]!;
  last.title = hostile;
  last.message = { key: 'rule.disclosure.version-header.title', params: { header: 'X-Generator', version: hostile } };
  for (const a of [older, middle, newer]) await saveAudit(db, a);
  await saveAudit(db, makeAudit({ domain: 'blog.example', startedAt: '2026-11-02T10:00:00.000Z' }));
  return { ids, older, middle, newer, hostile };
}

function mount(db: VigieDatabase, io: HistoryIO, initialDomain: string | null = null) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <TranslatorProvider locale="en">
      <HistoryPage db={db} io={io} initialDomain={initialDomain} now={() => new Date('2026-11-28T12:00:00.000Z')} />
    </TranslatorProvider>,
    container,
  );
  return container;
}

describe('history page', () => {
  it('lists domains, opens a timeline, and reads audits only for a comparison', async () => {
    const { db } = await freshDb();
    const { ids, older, newer, hostile } = await seed(db);
    const auditParse = vi.spyOn(Audit, 'safeParse');
    const container = mount(db, fakeIO());

    const rows = await until(() => container.querySelectorAll('[data-testid=domain-list] tbody tr').length === 2 && container.querySelectorAll('[data-testid=domain-list] tbody tr'), 'the domain list');
    expect([...rows].map((r) => r.getAttribute('data-domain'))).toEqual(['blog.example', 'shop.example']);
    const shop = container.querySelector('tr[data-domain="shop.example"]')!;
    expect(shop.querySelector('[data-trend]')!.getAttribute('data-trend')).toBe('up');
    expect(shop.textContent).toContain('80');
    expect(await until(() => container.querySelector('[data-testid=storage-usage]')?.textContent, 'storage usage')).toMatch(/3 MB.*2 GB/);

    await act(async () => { (shop.querySelector('a') as HTMLAnchorElement).click(); });
    const timeline = await until(() => container.querySelector('[data-testid=timeline]'), 'the timeline');
    expect([...timeline.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-audit-id'))).toHaveLength(3);
    expect(container.querySelectorAll('[data-testid=score-chart] circle')).toHaveLength(3);
    expect(container.querySelector('[data-testid=score-chart] polyline')).not.toBeNull();
    expect(auditParse).not.toHaveBeenCalled();

    const box = (id: string) => timeline.querySelector(`tr[data-audit-id="${id}"] input[type=checkbox]`) as HTMLInputElement;
    await act(async () => { box(newer.id).click(); });
    await act(async () => { box(older.id).click(); });
    await act(async () => { (container.querySelector('[data-testid=compare-button]') as HTMLButtonElement).click(); });
    const compare = await until(() => container.querySelector('[data-testid=compare]'), 'the comparison');
    expect(auditParse).toHaveBeenCalledTimes(2);
    const listed = (testId: string) => [...compare.querySelectorAll(`[data-testid=${testId}] [data-finding-id]`)].map((li) => li.getAttribute('data-finding-id'));
    expect(listed('compare-fixed')).toEqual([ids[0]]);
    expect(listed('compare-appeared')).toEqual(['disclosure.version-header:x-generator']);
    expect(listed('compare-unchanged')).toEqual(ids.slice(1));
    expect(compare.querySelector('[data-testid=compare-score]')!.textContent).toContain('+30 points');
    // The hostile title is shown as text, not turned into an element.
    expect(compare.textContent).toContain(hostile);
    expect(compare.querySelector('img')).toBeNull();
  });

  it('deletes an audit only after confirmation', async () => {
    const { db } = await freshDb();
    const { middle } = await seed(db);
    const refusing = fakeIO(false);
    let container = mount(db, refusing, 'shop.example');
    const del = async (c: HTMLElement) => {
      const row = await until(() => c.querySelector(`tr[data-audit-id="${middle.id}"]`), 'the audit row');
      await act(async () => { (row.querySelector('button') as HTMLButtonElement).click(); });
    };
    await del(container);
    expect(refusing.questions).toHaveLength(1);
    expect(await db.count('audits')).toBe(4);
    render(null, container);

    container = mount(db, fakeIO(true), 'shop.example');
    await del(container);
    await until(() => !container.querySelector(`tr[data-audit-id="${middle.id}"]`) && container.querySelector('[data-testid=timeline]'), 'the row to go');
    expect(await db.count('audits')).toBe(3);
    expect(container.querySelector('[data-testid=notice]')!.textContent).toBe('Deleted.');
  });

  it('reports damaged records instead of failing', async () => {
    const { db } = await freshDb();
    await seed(db);
    await db.put('domains', { domain: 'broken.example', lastScore: 'high' });
    const container = mount(db, fakeIO());
    await until(() => container.querySelector('[data-testid=domain-list]'), 'the domain list');
    expect(container.querySelectorAll('[data-testid=domain-list] tbody tr')).toHaveLength(2);
    expect(container.querySelector('[data-testid=corrupt-count]')!.textContent).toBe('1 damaged record was skipped.');
  });

  it('shows the monthly report with its seven headings and saves the agency fields', async () => {
    const { db } = await freshDb();
    await seed(db);
    const io = fakeIO();
    const container = mount(db, io, 'shop.example');
    const monthly = await until(() => container.querySelector('[data-testid=monthly]'), 'the monthly section');
    await act(async () => {
      const select = monthly.querySelector('select[name=month]') as HTMLSelectElement;
      // The months are offered in the page's language, most recent first.
      expect(select.options[1]!.textContent).toMatch(/^[A-Z]?[a-z]+ \d{4}$/i);
      select.value = '2026-11';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => { (monthly.querySelector('form') as HTMLFormElement).requestSubmit(); });
    const sections = await until(() => monthly.querySelector('[data-testid=monthly-sections]'), 'the monthly sections');
    expect([...sections.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '1. Availability', '2. Incidents and requests', '3. Updates applied', '4. Security', '5. Backups', '6. Performance', '7. Recommendations',
    ]);
    expect(sections.textContent).toContain('Not filled in: uptime');

    const form = monthly.querySelector('[data-testid=agency-fields]') as HTMLFormElement;
    await act(async () => {
      const uptime = form.querySelector('input[name=uptime]') as HTMLInputElement;
      uptime.value = '99.5';
      uptime.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => { (form.querySelector('button[type=submit]') as HTMLButtonElement).click(); });
    // The note is the last thing a save sets (after the sections are re-read): wait for it, then
    // check the rest. The form is the one the user typed in, not a remounted copy.
    await until(() => form.querySelector('[role=status]')?.textContent === 'Saved.', 'the saved note');
    expect(monthly.querySelector('[data-testid=agency-fields]')).toBe(form);
    expect(monthly.querySelector('[data-testid=monthly-sections]')!.textContent).toContain('Uptime over the month: 99.5 %');
    expect(await db.get('agencyFields', 'shop.example|2026-11')).toMatchObject({ uptimePercent: 99.5 });

    await act(async () => {
      const uptime = form.querySelector('input[name=uptime]') as HTMLInputElement;
      uptime.value = '120';
      uptime.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => { (form.querySelector('button[type=submit]') as HTMLButtonElement).click(); });
    // Refused with the reason under the field and in the summary; what was typed stays.
    const summary = await until(() => form.querySelector('[data-testid=agency-fields-summary]'), 'the refusal');
    expect(summary.textContent).toContain('Enter a number from 0 to 100.');
    const uptime = form.querySelector('input[name=uptime]') as HTMLInputElement;
    expect(uptime.value).toBe('120');
    expect(uptime.getAttribute('aria-invalid')).toBe('true');
    expect(form.querySelector(`#${uptime.getAttribute('aria-describedby')!.split(' ').pop()}`)!.textContent).toContain('Enter a number from 0 to 100.');
    expect(await db.get('agencyFields', 'shop.example|2026-11')).toMatchObject({ uptimePercent: 99.5 });
  });
});
