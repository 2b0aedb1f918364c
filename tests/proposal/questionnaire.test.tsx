// @vitest-environment happy-dom
/** The blank client questionnaire: every point and signal with boxes, both languages, agency letterhead, escaping. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TranslatorProvider } from '../../components/i18n';
import { parseQuestionnaireLang } from '../../entrypoints/questionnaire/params';
import { QuestionnairePage } from '../../entrypoints/questionnaire/QuestionnairePage';
import { POINT_IDS } from '../../lib/diagnosis/checklist-model';
import { KEY_FOR_STATUS } from '../../lib/diagnosis/keyboard';
import { clientQuestionnaireDoc, exportQuestionnaire } from '../../lib/export';
import { translate } from '../../lib/i18n';
import { HOSTILE_AGENCY } from '../fixtures/audits/hostile';
import { until } from '../support/dom';

afterEach(() => {
  document.body.innerHTML = '';
});

async function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(node, root));
  return root;
}

describe('client questionnaire', () => {
  it('lists the 28 points and the ten signals, each with its boxes, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const doc = clientQuestionnaireDoc({ locale });
      const rows = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
      const firstRuns = rows.map((r) => r[0]?.[0]).filter((run) => run?.kind === 'strong').map((run) => run!.text);
      for (const id of POINT_IDS) expect(firstRuns).toContain(id);
      for (let i = 1; i <= 10; i++) expect(firstRuns).toContain(`S${i}`);
      const text = exportQuestionnaire('text', { locale }).content;
      expect(text.match(/☐/g)!.length).toBe(28 * 5 + 10 * 3);
      expect(text).toContain(translate(locale, 'checklist.C3.label', {}));
    }
  });

  it('tells the agency the same keys as the keyboard checklist', () => {
    for (const locale of ['en', 'fr'] as const) {
      const text = translate(locale, 'proposal.questionnaire.agencyText', {});
      for (const key of Object.values(KEY_FOR_STATUS)) expect(text).toMatch(new RegExp(`\\b${key} `));
    }
  });

  it('escapes the agency letterhead in every format', () => {
    const html = exportQuestionnaire('html', { locale: 'en', agency: HOSTILE_AGENCY }).content;
    expect(html).toContain('ACME &lt;b&gt;Web&lt;/b&gt; &amp;');
    expect(html).not.toContain('<b>Web</b>');
    const md = exportQuestionnaire('markdown', { locale: 'en', agency: HOSTILE_AGENCY }).content;
    expect(md).toContain('ACME \\<b\\>Web\\</b\\>');
  });

  it('the page renders the chosen language with the agency header, a print button and language links', async () => {
    const root = await mount(<TranslatorProvider locale="fr"><QuestionnairePage lang="fr" loadAgency={async () => ({ name: 'Atelier Lumière' })} /></TranslatorProvider>);
    const page = root.querySelector('[data-testid="questionnaire-page"]')!;
    // The agency is read after the first render: wait for its letterhead, then check the rest.
    await until(() => page.querySelector('.letterhead')?.textContent?.includes('Atelier Lumière'), 'the agency letterhead');
    expect(page.querySelector('h1')!.textContent).toBe('Questionnaire sur la maintenance de votre site');
    expect(page.querySelector('.print-button')!.textContent).toBe('Imprimer ou enregistrer en PDF');
    expect(page.querySelector('[data-testid="questionnaire-lang-en"]')!.getAttribute('href')).toBe('?lang=en');
    expect(page.querySelectorAll('tbody tr').length).toBe(4 + 28 + 10);
    expect(document.title).toBe('Questionnaire sur la maintenance de votre site');
  });

  it('reads the language from the address, the browser language otherwise', () => {
    expect(parseQuestionnaireLang('?lang=fr', ['en-US'])).toBe('fr');
    expect(parseQuestionnaireLang('?lang=<x>', ['fr-FR'])).toBe('fr');
    expect(parseQuestionnaireLang('', ['de'])).toBe('en');
  });
});
