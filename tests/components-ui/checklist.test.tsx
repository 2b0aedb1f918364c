// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding, PointId } from '../../lib/audit/schema';
import { ChecklistEntry, PrioritiesList, SignalsPanel, TierCard, VerdictBanner } from '../../components/checklist';
import { TranslatorProvider } from '../../components/i18n';
import { translate } from '../../lib/i18n';
import { diagnose, type ChecklistAnswers } from '../../lib/diagnosis';
import { acceptSuggestion, setNote, setStatus } from '../../lib/diagnosis/answer-edits';
import { defaultSettings } from '../../lib/settings/schema';
import { finding } from '../diagnosis/helpers';

const now = new Date('2026-11-28T10:12:00Z');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const scanFindings: Finding[] = [
  finding('transport.hsts-missing', 'high', 'A3', undefined, 'P2'),
  finding('headers.xcto-missing', 'medium', 'A5', undefined, 'P2'),
  finding('components.eol', 'high', 'D3', 'php', 'P1'),
];

/** The popup in miniature: answers in state, re-diagnosed on every change, as the lead's wiring does. */
function Harness({ findings, onSave }: { findings: Finding[]; onSave: (a: ChecklistAnswers) => void }) {
  const [answers, setAnswers] = useState<ChecklistAnswers>({});
  const result = diagnose({ findings, technologies: [], answers, now, notMeasured: [] });
  const update = (next: ChecklistAnswers) => {
    setAnswers(next);
    onSave(next);
  };
  const suggestion = (id: PointId) => result.checklist.points.find((p) => p.id === id)?.suggested;
  return (
    <>
      <VerdictBanner signals={result.signals} diagnosis={result.diagnosis} points={result.checklist.points} />
      <ChecklistEntry
        points={result.checklist.points}
        findings={findings}
        onStatus={(id, status) => update(setStatus(answers, id, status, now))}
        onAccept={(id) => update(acceptSuggestion(answers, id, suggestion(id), now))}
        onNote={(id, note) => update(setNote(answers, id, note, now))}
      />
    </>
  );
}

function press(target: Element, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

describe('ChecklistEntry from the keyboard', () => {
  it('answers all 28 points in at most 60 keystrokes, with per-block progress and the verdict following', () => {
    let saved: ChecklistAnswers = {};
    act(() => render(<TranslatorProvider locale="en"><Harness findings={scanFindings} onSave={(a) => (saved = a)} /></TranslatorProvider>, root));
    const list = root.querySelector('[data-testid="checklist"]')!;
    expect(root.querySelector('[data-testid="progress-A"]')!.textContent).toContain('0/5');

    // A1–A5: accept the scan's suggestions where there are some, answer the rest.
    const keys = ['1', '1', 'Enter', '1', 'Enter'];
    // B, C, D, E: everything OK except no staging (D1) and no tested restore (C3).
    for (const id of ['B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']) {
      keys.push(id === 'D1' || id === 'C3' ? 'k' : 'o');
    }
    let count = 0;
    for (const key of keys) {
      press(list, key);
      count++;
    }
    expect(count).toBeLessThanOrEqual(60);
    expect(count).toBe(28);
    expect(Object.keys(saved)).toHaveLength(28);
    expect(saved.A3).toMatchObject({ status: 'ko', origin: 'accepted' });
    expect(saved.A5).toMatchObject({ status: 'partial', origin: 'accepted' });
    expect(saved.C3).toMatchObject({ status: 'ko', origin: 'user' });
    for (const block of ['A', 'B', 'C', 'D', 'E']) {
      const p = root.querySelector(`[data-testid="progress-${block}"]`)!.textContent!;
      const [a, b] = p.match(/(\d+)\/(\d+)/)!.slice(1);
      expect(a).toBe(b);
    }
    // D1 KO + C3 KO + an end-of-life component: S2, S3, S4 raised → probable, announced as an alert.
    const verdict = root.querySelector('[data-testid="verdict"]')!;
    expect(verdict.getAttribute('data-three')).toBe('probable');
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/major incident/);
  });

  it('does not take keys typed in a note, and keeps notes as text', () => {
    let saved: ChecklistAnswers = {};
    act(() => render(<TranslatorProvider locale="en"><Harness findings={[]} onSave={(a) => (saved = a)} /></TranslatorProvider>, root));
    const note = root.querySelector<HTMLTextAreaElement>('[data-testid="point-note"]')!;
    press(note, '3');
    expect(saved).toEqual({});
    act(() => {
      note.value = '<img src=x onerror=alert(1)> backups by host';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(saved.A1?.note).toBe('<img src=x onerror=alert(1)> backups by host');
    press(root.querySelector('[data-testid="checklist"]')!, 'ArrowDown');
    const shown = root.querySelector('[data-point="A1"] .point-note')!;
    expect(shown.textContent).toBe('<img src=x onerror=alert(1)> backups by host');
    expect(root.querySelector('img')).toBeNull();
  });

  it('leaves Enter on a focused button to the button, and takes the focus when asked', () => {
    const statuses: string[] = [];
    const pts = diagnose({ findings: scanFindings, technologies: [], answers: {}, now }).checklist.points;
    act(() => render(<TranslatorProvider locale="en"><ChecklistEntry autoFocus points={pts} onStatus={(id, s) => statuses.push(`${id}=${s}`)} onAccept={(id) => statuses.push(`${id}=accepted`)} onNote={() => {}} /></TranslatorProvider>, root));
    expect(document.activeElement).toBe(root.querySelector('[data-testid="checklist"]'));
    const koButton = root.querySelector('[data-point="A4"] [data-status-button="ko"]')!;
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    act(() => void koButton.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(false);
    expect(statuses).toEqual([]);
    press(koButton, '2'); // a status key still answers the active point (A1)
    expect(statuses).toEqual(['A1=partial']);
  });

  it('shows a suggestion with its evidence, and the accept button', () => {
    act(() => render(<TranslatorProvider locale="fr"><Harness findings={scanFindings} onSave={() => {}} /></TranslatorProvider>, root));
    const a3 = root.querySelector('[data-point="A3"]')!;
    const suggestion = a3.querySelector('[data-testid="suggestion"]')!;
    expect(suggestion.getAttribute('data-suggested')).toBe('ko');
    expect(suggestion.textContent).toContain('L\'analyse suggère : KO');
    act(() => (a3.querySelector('[data-testid="accept-suggestion"]') as HTMLButtonElement).click());
    expect(root.querySelector('[data-point="A3"]')!.getAttribute('data-status')).toBe('ko');
    expect(root.querySelector('[data-point="A3"] [data-testid="suggestion"]')!.textContent).toContain('suggestion acceptée');
  });
});

describe('SignalsPanel and VerdictBanner', () => {
  it('lists the ten signals with state and reasons, and names the answers that would settle the rule of three', () => {
    const r = diagnose({ findings: [finding('components.behind', 'medium', 'D4', 'wordpress')], technologies: [], answers: { D1: { status: 'ko', origin: 'user' } }, now, notMeasured: [] });
    act(() =>
      render(
        <TranslatorProvider locale="en">
          <SignalsPanel signals={r.signals} />
          <VerdictBanner signals={r.signals} diagnosis={r.diagnosis} points={r.checklist.points} />
        </TranslatorProvider>,
        root,
      ),
    );
    const signals = [...root.querySelectorAll('[data-testid="signal"]')];
    expect(signals).toHaveLength(10);
    const s3 = root.querySelector('[data-signal="S3"]')!;
    expect(s3.getAttribute('data-state')).toBe('raised');
    // The finding is named by its title, never its id.
    expect(s3.textContent).toContain(`Found by the scan: ${translate('en', 'rule.components.behind.title', {})}`);
    expect(s3.textContent).not.toContain('components.behind:wordpress');
    expect(root.querySelector('[data-signal="S4"]')!.getAttribute('data-state')).toBe('unconfirmed');
    const three = root.querySelector('[data-testid="three-criticals"]')!;
    expect(three.textContent).toContain('Answer these points to settle it: C3.');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('[data-testid="sufficiency"]')!.textContent).toMatch(/not sufficient.*A1, A2, A3, C1, C3, D1, D3, D4/);
  });
});

describe('PrioritiesList', () => {
  it('groups findings by priority with deadline, age and 1-5-15 multiplier', () => {
    const settings = defaultSettings('Europe/Paris');
    const r = diagnose({
      findings: [finding('transport.hsts-missing', 'high', 'A3', undefined, 'P1'), finding('headers.xcto-missing', 'medium', 'A5', undefined, 'P2')],
      technologies: [], answers: {}, now, settings,
      firstSeen: { 'transport.hsts-missing': '2024-06-01T00:00:00Z', 'headers.xcto-missing': '2025-09-01T00:00:00Z' },
    });
    act(() => render(<TranslatorProvider locale="en"><PrioritiesList findings={r.findings} now={now} priorities={settings.priorities} /></TranslatorProvider>, root));
    const groups = [...root.querySelectorAll('[data-testid="priority-group"]')].map((g) => g.getAttribute('data-priority'));
    expect(groups).toEqual(['P1', 'P2']);
    expect(root.querySelector('[data-priority="P1"] h3')!.textContent).toContain('within 4 working hours');
    const [hsts, xcto] = [...root.querySelectorAll('[data-testid="priority-finding"]')];
    expect(hsts!.getAttribute('data-multiplier')).toBe('15');
    expect(xcto!.getAttribute('data-multiplier')).toBe('5');
    expect(hsts!.textContent).toContain('Cost to fix ×15');
    expect(hsts!.textContent).toMatch(/Deadline Nov 30, 2026/);
  });
});

describe('TierCard', () => {
  it('shows the recommendation with the agency\'s own tier names and reports the declared criticality', () => {
    const settings = defaultSettings('UTC');
    settings.tiers.business = { name: 'Sérénité', contents: 'Tout compris', model: 'time-credit' };
    const declared: string[] = [];
    act(() =>
      render(
        <TranslatorProvider locale="fr">
          <TierCard tier={{ recommended: 'business', reasons: [{ key: 'tier.reason.criticality-medium', params: {} }] }} tiers={settings.tiers} onDeclareCriticality={(l) => declared.push(l)} />
        </TranslatorProvider>,
        root,
      ),
    );
    expect(root.querySelector('.tier-recommended')!.textContent).toBe('Recommandée : Sérénité');
    expect(root.querySelector('[data-tier="critique"] h3')!.textContent).toBe('Critique');
    expect(root.querySelector('[data-tier="business"]')!.textContent).toContain('Crédit temps');
    expect(root.querySelectorAll('.engagement-models dt')).toHaveLength(3);
    act(() => (root.querySelector('input[value="high"]') as HTMLInputElement).click());
    expect(declared).toEqual(['high']);
  });
});
