// @vitest-environment happy-dom
/** The popup at a glance: counts by severity in words, and the three findings to act on first. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeverityCounts, TopActions } from '../../components/PopupGlance';
import { TranslatorProvider } from '../../components/i18n';
import { finding } from '../diagnosis/helpers';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const findings = [
  finding('headers.csp-missing', 'medium', 'A5', undefined, 'P2'),
  finding('transport.https-missing', 'critical', 'A3', undefined, 'P1'),
  finding('headers.referrer-missing', 'low', 'A5', undefined, 'P3'),
  finding('components.vulnerable-version', 'critical', 'A1', 'wordpress@4.9.8', 'P0'),
  finding('transport.hsts-missing', 'high', 'A3', undefined, 'P2'),
  finding('headers.xcto-missing', 'medium', 'A5', undefined, 'P2'),
];

describe('popup at a glance', () => {
  it('counts findings by severity with the word, not the colour alone (FR)', () => {
    act(() => render(<TranslatorProvider locale="fr"><SeverityCounts findings={findings} /></TranslatorProvider>, root));
    const chips = [...root.querySelectorAll('[data-severity]')].map((li) => [li.getAttribute('data-severity'), li.textContent]);
    expect(chips).toEqual([['critical', '2 Critique'], ['high', '1 Élevée'], ['medium', '2 Moyenne'], ['low', '1 Faible']]);
  });

  it('lists the three most urgent findings, P0 first', () => {
    act(() => render(<TranslatorProvider locale="en"><TopActions findings={findings} /></TranslatorProvider>, root));
    const ids = [...root.querySelectorAll('[data-testid=top-action]')].map((li) => li.getAttribute('data-finding-id'));
    expect(ids).toEqual(['components.vulnerable-version:wordpress@4.9.8', 'transport.https-missing', 'transport.hsts-missing']);
    expect(root.querySelector('h2')!.textContent).toBe('To do first');
  });

  it('shows nothing when there is nothing to do', () => {
    act(() => render(<TranslatorProvider locale="en"><SeverityCounts findings={[]} /><TopActions findings={[]} /></TranslatorProvider>, root));
    expect(root.textContent).toBe('');
  });
});
