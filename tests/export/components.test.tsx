// @vitest-environment happy-dom
/**
 * The export components: a copy writes both flavours in one ClipboardItem and confirms; a refused
 * copy says so; downloads are named after the domain and date; the report language is chosen in
 * the panel, independent of the UI language; the print page renders the full report as text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeToClipboard, type ClipboardDeps } from '../../components/export/clipboard';
import { DocView } from '../../components/export/DocView';
import { ExportPanel } from '../../components/export/ExportPanel';
import { loadAgencyProfile } from '../../components/export/useAgencyProfile';
import { TranslatorProvider } from '../../components/i18n';
import { PrintPage } from '../../entrypoints/print/PrintPage';
import { parsePrintParams } from '../../entrypoints/print/params';
import { Audit } from '../../lib/audit/schema';
import { auditDoc } from '../../lib/export';
import type { ChartBlock, Doc } from '../../lib/export/doc';
import { renderHtmlFragment } from '../../lib/export/render/html';
import { HOSTILE, HOSTILE_AGENCY, hostileAudit } from '../fixtures/audits/hostile';
import realistic from '../fixtures/audits/shop-example.json';
import { until, untilText } from '../support/dom';
import { AGENCY } from './golden-helpers';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

class FakeItem {
  constructor(readonly parts: Record<string, Blob>) {}
}

function fakeClipboard() {
  const written: FakeItem[][] = [];
  const texts: string[] = [];
  const deps: ClipboardDeps = {
    clipboard: { write: async (items) => void written.push(items as unknown as FakeItem[]), writeText: async (t) => void texts.push(t) },
    ClipboardItem: FakeItem as unknown as typeof ClipboardItem,
  };
  return { deps, written, texts };
}

async function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  await act(async () => render(node, root));
  return root;
}

const click = async (el: Element | null) => act(async () => { (el as HTMLElement).click(); });

describe('writeToClipboard', () => {
  it('writes text/html and text/plain together when ClipboardItem exists', async () => {
    const { deps, written } = fakeClipboard();
    expect(await writeToClipboard({ html: '<p>x</p>', text: 'x' }, deps)).toBe('rich');
    const parts = written[0]![0]!.parts;
    expect(Object.keys(parts).sort()).toEqual(['text/html', 'text/plain']);
    expect(await parts['text/html']!.text()).toBe('<p>x</p>');
    expect(await parts['text/plain']!.text()).toBe('x');
  });

  it('falls back to plain text without ClipboardItem', async () => {
    const texts: string[] = [];
    expect(await writeToClipboard({ html: '<p>x</p>', text: 'x' }, { clipboard: { writeText: async (t) => void texts.push(t) } })).toBe('text');
    expect(texts).toEqual(['x']);
  });
});

describe('ExportPanel', () => {
  const audit = Audit.parse(realistic);

  it('copies the chosen level in the chosen language, rich and plain, and confirms', async () => {
    const { deps, written } = fakeClipboard();
    const root = await mount(<TranslatorProvider locale="en"><ExportPanel source={{ kind: 'audit', audit }} agency={AGENCY} clipboard={deps} /></TranslatorProvider>);
    const language = root.querySelector<HTMLSelectElement>('[data-testid="export-language"]')!;
    await act(async () => { language.value = 'fr'; language.dispatchEvent(new Event('change')); });
    await click(root.querySelector('[data-testid="copy-rich"]'));
    // "Copied" is said once the clipboard took the item: wait for the words, then read the item.
    await untilText(root, '[role="status"]', 'Copied');
    const parts = written[0]![0]!.parts;
    const html = await parts['text/html']!.text();
    const text = await parts['text/plain']!.text();
    expect(html).toContain('Synthèse de l&#39;audit de maintenance — shop.example');
    expect(text).toContain('Synthèse de l\'audit de maintenance — shop.example');
    expect(text).toContain('20 novembre 2026');
    // The interface stays in English; only the report changed language.
    expect(root.querySelector('[data-testid="copy-rich"]')!.textContent).toBe('Copy for a document or email');
    expect(written).toHaveLength(1);
  });

  it('passes the domain’s history to the reports, for their score chart', async () => {
    const { deps, texts } = fakeClipboard();
    const history = [{ startedAt: '2026-08-21T09:00:00.000Z', score: 40 }];
    const root = await mount(<TranslatorProvider locale="en"><ExportPanel source={{ kind: 'audit', audit }} history={history} clipboard={deps} /></TranslatorProvider>);
    const level = root.querySelector<HTMLSelectElement>('[data-testid="export-level"]')!;
    await act(async () => { level.value = 'standard'; level.dispatchEvent(new Event('change')); });
    await click(root.querySelector('[data-testid="copy-text"]'));
    await until(() => texts.length === 1, 'the text copy');
    expect(texts[0]).toContain('Findings by severity');
    expect(texts[0]).toContain('Score over time\nScore from 40 on August 21, 2026 to 55 on November 20, 2026, 2 audits.');
  });

  it('says so when the browser refuses the copy', async () => {
    const deps: ClipboardDeps = { clipboard: { writeText: async () => { throw new DOMException('denied', 'NotAllowedError'); } } };
    const root = await mount(<TranslatorProvider locale="fr"><ExportPanel source={{ kind: 'audit', audit }} clipboard={deps} /></TranslatorProvider>);
    await click(root.querySelector('[data-testid="copy-markdown"]'));
    await until(() => root.querySelector('[data-testid="copy-markdown"]')!.getAttribute('data-state') === 'failed', 'the refused copy');
    expect(root.textContent).toContain('Le navigateur a refusé la copie');
  });

  it('names downloads after the domain and the audit date', async () => {
    const saved: Array<[string, string]> = [];
    const root = await mount(<TranslatorProvider locale="en"><ExportPanel source={{ kind: 'audit', audit }} download={(r, name) => saved.push([name, r.mimeType])} printUrl="chrome-extension://x/print.html?id=abc" /></TranslatorProvider>);
    for (const [i, format] of ['markdown', 'csv', 'json'].entries()) {
      await click(root.querySelector(`[data-testid="download-${format}"]`));
      await until(() => saved.length === i + 1, `the ${format} download`);
    }
    expect(saved).toEqual([
      ['vigie-shop.example-2026-11-20-proposal.md', 'text/markdown;charset=utf-8'],
      ['vigie-shop.example-2026-11-20.csv', 'text/csv;charset=utf-8'],
      ['vigie-shop.example-2026-11-20.json', 'application/json'],
    ]);
    expect(root.querySelector('[data-testid="export-print"]')!.getAttribute('href')).toBe('chrome-extension://x/print.html?id=abc&lang=en');
  });
});

describe('DocView charts', () => {
  const hostile = '<script>alert("x")</script> & "q"';
  const doc: Doc = {
    lang: 'en',
    title: 'Charts',
    blocks: [
      { kind: 'chart', chart: 'severity', title: `T ${hostile}`, description: `D ${hostile}`, columns: ['a', 'b'], bars: [{ severity: 'critical', label: `C ${hostile}`, count: 2 }, { severity: 'high', label: 'H', count: 0 }, { severity: 'info', label: 'I', count: 5 }] },
      { kind: 'chart', chart: 'score', title: 'Score', description: 'From 10 to 60', columns: ['a', 'b'], points: [{ at: '2026-01-01T00:00:00Z', date: `1 ${hostile}`, score: 10, text: `p ${hostile}` }, { at: '2026-03-01T00:00:00Z', date: 'March', score: 60, text: 'q' }] },
    ] satisfies ChartBlock[],
  };
  /** Each element of a drawing: its name, attributes (but the root's style, which inline HTML adds) and own text. */
  const shapes = (svg: Element) => [svg, ...svg.querySelectorAll('*')].map((el) => [
    el.tagName.toLowerCase(),
    [...el.attributes].filter((a) => a.name !== 'style').map((a) => `${a.name}=${a.value}`).sort().join(' '),
    [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''),
  ]);

  it('draws them as SVG elements, named and described, the hostile words as text', async () => {
    const root = await mount(<DocView doc={doc} />);
    const [severity, score] = [...root.querySelectorAll('svg')];
    expect(severity!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(severity!.getAttribute('role')).toBe('img');
    expect(severity!.querySelector('title')!.textContent).toBe(`T ${hostile}`);
    expect(severity!.querySelector('desc')!.textContent).toBe(`D ${hostile}`);
    expect([...severity!.querySelectorAll('text')].map((t) => t.textContent)).toEqual([`C ${hostile}`, '2', 'H', '0', 'I', '5']);
    expect(score!.querySelector('circle title')!.textContent).toBe(`p ${hostile}`);
    expect(root.querySelectorAll('script').length).toBe(0);
    // The title is printed above the drawing; charts that follow each other share a row.
    expect(root.querySelector('figure figcaption')!.textContent).toBe(`T ${hostile}`);
    expect(root.querySelectorAll('.export-charts')).toHaveLength(1);
    expect(root.querySelectorAll('.export-charts > figure')).toHaveLength(2);
  });

  it('the same drawing as the HTML export, element for element', async () => {
    const root = await mount(<DocView doc={doc} />);
    const exported = document.createElement('div');
    exported.innerHTML = renderHtmlFragment(doc);
    const ours = [...root.querySelectorAll('svg')].map(shapes);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual([...exported.querySelectorAll('svg')].map(shapes));
  });
});

describe('DocView and the print page', () => {
  it('renders hostile values as text: no element or link comes from them', async () => {
    const root = await mount(<DocView doc={auditDoc(hostileAudit(), { locale: 'en', level: 'full', agency: HOSTILE_AGENCY, timeZone: 'UTC' })} />);
    expect(root.textContent).toContain(HOSTILE.html);
    expect(root.querySelectorAll('script').length).toBe(0);
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([HOSTILE_AGENCY.logo]);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/(github\.com\/advisories\/|acme\.example\/)/);
  });

  it('loads the audit and the agency, and renders the full report in the asked language', async () => {
    const audit = Audit.parse(realistic);
    const root = await mount(
      <TranslatorProvider locale="fr">
        <PrintPage id={audit.id} lang="fr" level="full" load={async (id) => (id === audit.id ? audit : null)} loadAgency={async () => AGENCY} />
      </TranslatorProvider>,
    );
    const page = await until(() => root.querySelector('[data-testid="print-page"]'), 'the print page');
    expect(page.querySelector('h1')!.textContent).toBe('Audit de maintenance — shop.example');
    expect(page.querySelector('.letterhead')!.textContent).toContain('Atelier Lumière');
    expect(page.querySelectorAll('.page-break').length).toBe(1);
    expect(document.title).toBe('Audit de maintenance — shop.example');
    // The full report opens with its contents.
    expect([...page.querySelectorAll('h2')][0]!.textContent).toBe('Sommaire');
  });

  it('prints the level asked for: the one-page summary, the meeting report (the default), everything', async () => {
    const audit = Audit.parse(realistic);
    const headings = async (level?: 'summary' | 'standard' | 'full') => {
      const root = await mount(
        <TranslatorProvider locale="en">
          <PrintPage id={audit.id} lang="en" {...(level ? { level } : {})} load={async () => audit} loadAgency={async () => AGENCY} />
        </TranslatorProvider>,
      );
      const page = await until(() => root.querySelector('[data-testid="print-page"]'), 'the print page');
      return { level: page.getAttribute('data-level'), h2: [...page.querySelectorAll('h2')].map((h) => h.textContent ?? ''), length: (page.textContent ?? '').length };
    };
    const summary = await headings('summary');
    const standard = await headings();
    const full = await headings('full');
    expect([summary.level, standard.level, full.level]).toEqual(['summary', 'standard', 'full']);
    expect(summary.length).toBeLessThan(standard.length);
    expect(standard.length).toBeLessThan(full.length);
    expect(standard.h2).not.toContain('Contents');
    expect(full.h2[0]).toBe('Contents');
  });

  it('prints the charts of the meeting report: the severity chart, and the score over time from the domain’s history', async () => {
    const audit = Audit.parse(realistic);
    const charts = async (level: 'summary' | 'standard' | 'full', loadHistory: () => Promise<Array<{ startedAt: string; score: number }>>) => {
      const root = await mount(
        <TranslatorProvider locale="fr">
          <PrintPage id={audit.id} lang="fr" level={level} load={async () => audit} loadAgency={async () => null} loadHistory={loadHistory} />
        </TranslatorProvider>,
      );
      const page = await until(() => root.querySelector(`[data-testid="print-page"][data-level="${level}"]`), 'the print page');
      const shown = [...page.querySelectorAll('[data-testid="export-chart"]')].map((f) => f.getAttribute('data-chart'));
      root.remove();
      return shown;
    };
    const asked: string[] = [];
    const history = async (domain?: string) => (asked.push(domain ?? ''), [{ startedAt: '2026-08-21T09:00:00.000Z', score: 40 }]);
    expect(await charts('standard', history)).toEqual(['severity', 'score']);
    expect(await charts('full', history)).toEqual(['severity', 'score']);
    expect(asked).toEqual([audit.domain, audit.domain]);
    // A history that cannot be read leaves the score chart out, and only it.
    expect(await charts('standard', async () => { throw new Error('no database'); })).toEqual(['severity']);
    expect(await charts('summary', history)).toEqual([]);
  });

  it('says when the audit is not in the history', async () => {
    const root = await mount(<TranslatorProvider locale="en"><PrintPage id="nope" lang="en" load={async () => null} loadAgency={async () => null} /></TranslatorProvider>);
    await untilText(root, '[role="alert"]', 'This audit is not in the history any more.');
  });

  it('reads id and language from the address, the browser language by default', () => {
    expect(parsePrintParams('?id=abc&lang=fr', ['en-US'])).toEqual({ id: 'abc', lang: 'fr', level: 'standard' });
    expect(parsePrintParams('?id=abc&lang=<x>&level=summary', ['fr-FR'])).toEqual({ id: 'abc', lang: 'fr', level: 'summary' });
    expect(parsePrintParams('?level=everything', ['de'])).toEqual({ id: '', lang: 'en', level: 'standard' });
    expect(parsePrintParams('?level=full', ['de']).level).toBe('full');
  });

  it('reads the agency profile from storage and refuses an invalid one', async () => {
    expect(await loadAgencyProfile({ get: async () => ({ agencyProfile: AGENCY }) })).toEqual(AGENCY);
    expect(await loadAgencyProfile({ get: async () => ({ agencyProfile: { name: 'X', logo: 'data:image/svg+xml;base64,PHN2Zz4=' } }) })).toBeNull();
    expect(await loadAgencyProfile({ get: async () => { throw new Error('no storage'); } })).toBeNull();
  });
});
