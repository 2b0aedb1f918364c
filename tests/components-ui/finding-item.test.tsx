// @vitest-environment happy-dom
/**
 * One finding as a person reads it: what is wrong, the evidence as labelled values, why it matters,
 * what it means for the business, what to do and how big the job is — in the page's language, with
 * no rule id, and page-supplied values as inert text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FindingItem } from '../../components/FindingItem';
import { TranslatorProvider } from '../../components/i18n';
import { finding } from '../diagnosis/helpers';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('ul');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const hsts = finding('transport.hsts-missing', 'high', 'A3');

describe('a finding for people', () => {
  for (const [locale, business, job] of [['en', 'For your business', 'A configuration change'], ['fr', 'Pour votre activité', 'Un changement de configuration']] as const) {
    it(`reads what, why, for the business, what to do, how big (${locale})`, () => {
      act(() => render(<TranslatorProvider locale={locale}><FindingItem finding={hsts} open /></TranslatorProvider>, root));
      const headings = [...root.querySelectorAll('h4')].map((h) => h.textContent);
      expect(headings).toHaveLength(4);
      expect(headings[2]).toBe(business);
      expect(root.querySelector('[data-testid=finding-business]')!.textContent!.length).toBeGreaterThan(40);
      expect(root.querySelector('[data-testid=finding-job]')!.getAttribute('data-size')).toBe('quick');
      expect(root.querySelector('[data-testid=finding-job]')!.textContent).toContain(job);
      const text = root.textContent!;
      expect(text).not.toContain('transport.hsts-missing');
      expect(text).not.toMatch(/\brule\.|\bjob\.|\bimpact\./);
    });
  }

  it('says nothing for the business about an information finding', () => {
    act(() => render(<TranslatorProvider locale="en"><FindingItem finding={finding('waf.detected', 'info')} open /></TranslatorProvider>, root));
    expect(root.querySelector('[data-testid=finding-business]')).toBeNull();
    expect(root.querySelector('[data-testid=finding-job]')).toBeNull();
  });

  it('keeps a hostile value from the page as text', () => {
    const hostile = { ...hsts, evidence: [{ label: 'evidence.header-absent', value: '<img src=x onerror=alert(1)>' }] };
    act(() => render(<TranslatorProvider locale="en"><FindingItem finding={hostile} open /></TranslatorProvider>, root));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.evidence code')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('evidence of a finding with a hundred advisories', () => {
  it('shows five of each kind and says how many more', () => {
    const many = {
      ...finding('components.vulnerable-version', 'critical', 'A1', 'wordpress@4.9.8', 'P0'),
      evidence: [
        { label: 'evidence.components.source', value: 'meta-generator' },
        ...Array.from({ length: 40 }, (_, i) => ({ label: 'evidence.components.advisory', value: `CVE-2020-${1000 + i}` })),
      ],
    };
    act(() => render(<TranslatorProvider locale="fr"><FindingItem finding={many} open /></TranslatorProvider>, root));
    const lines = [...root.querySelectorAll('.evidence li')].map((li) => li.textContent);
    expect(lines).toHaveLength(7);
    // The generator tag is named, not quoted as markup.
    expect(lines[0]).toBe('Balise « generator » de la page');
    expect(lines[6]).toBe('… et 35 autres');
  });
});
