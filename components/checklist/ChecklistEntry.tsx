/**
 * The fast checklist: one key per status (1–5 or o/p/k/u/n), Enter accepts the scan's suggestion,
 * and the cursor moves to the next point by itself. It only reports changes through its callbacks;
 * saving them is the page's job.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ChecklistPoint as ChecklistPointSchema, type ChecklistPoint, type Finding, type PointId, type PointStatus } from '../../lib/audit/schema';
import { BLOCKS, STATUSES, pointHelpKey, pointLabelKey } from '../../lib/diagnosis/checklist-model';
import { KEY_FOR_STATUS, keyAction, moveIndex } from '../../lib/diagnosis/keyboard';
import { useT } from '../i18n';
import { CharCount, counterId, errorId, maxLengthOf, schemaAt } from '../options/form';

/** The longest note the audit keeps (its schema's limit): a longer one is shown, counted and not sent. */
export const NOTE_MAX = maxLengthOf(schemaAt(ChecklistPointSchema, ['note'])) ?? 4000;

export interface ChecklistEntryProps {
  points: ChecklistPoint[];
  /** The audit's findings, to show the evidence behind a suggestion by title. */
  findings?: Finding[];
  onStatus: (point: PointId, status: PointStatus) => void;
  onAccept: (point: PointId) => void;
  onNote: (point: PointId, note: string) => void;
  /** Point to start on (defaults to the first one not answered). */
  initialPoint?: PointId;
  /** Put the keyboard focus on the checklist when it appears (the popup does, so typing starts at once). */
  autoFocus?: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Enter and Space on a focused button or summary keep their usual meaning (press it). */
function activatesControl(event: KeyboardEvent): boolean {
  const el = event.target as HTMLElement | null;
  return !!el && (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' || el.tagName === 'A') && (event.key === 'Enter' || event.key === ' ');
}

export function ChecklistEntry({ points, findings = [], onStatus, onAccept, onNote, initialPoint, autoFocus = false }: ChecklistEntryProps) {
  const { t, date } = useT();
  const firstOpen = Math.max(0, points.findIndex((p) => p.status === 'unknown' && p.origin !== 'user'));
  const [index, setIndex] = useState(() => {
    const wanted = initialPoint ? points.findIndex((p) => p.id === initialPoint) : -1;
    return wanted >= 0 ? wanted : firstOpen;
  });
  // Notes as typed, per point: what is shown, even when too long to be saved (never cut short).
  const [drafts, setDrafts] = useState<Partial<Record<PointId, string>>>({});
  const noteOf = (point: ChecklistPoint) => drafts[point.id] ?? point.note ?? '';
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const sectionRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (autoFocus) sectionRef.current?.focus({ preventScroll: true });
  }, []);
  const active = points[Math.min(index, points.length - 1)];

  // Follow the active point when the user moves it, not on the first render: the report would
  // otherwise open scrolled down to the checklist instead of at its summary.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    rowRefs.current[index]?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  function onKeyDown(event: KeyboardEvent) {
    if (isTyping(event.target) || activatesControl(event) || event.ctrlKey || event.metaKey || event.altKey || !active) return;
    const action = keyAction(event.key);
    if (!action) return;
    if (action.kind === 'status') {
      onStatus(active.id, action.status);
      setIndex(moveIndex(index, 'next', points.length));
    } else if (action.kind === 'accept') {
      if (!active.suggested) {
        if (event.key !== 'Enter') return;
      } else {
        onAccept(active.id);
        setIndex(moveIndex(index, 'next', points.length));
      }
    } else {
      setIndex(moveIndex(index, action.to, points.length));
    }
    event.preventDefault();
  }

  const titleOf = (id: string) => {
    const f = findings.find((x) => x.id === id);
    return f ? t(f.message.key, f.message.params) : id;
  };

  return (
    <section ref={sectionRef} class="checklist" data-testid="checklist" tabIndex={0} onKeyDown={onKeyDown} aria-label={t('checklist.title')}>
      <p class="muted checklist-keys">{t('checklist.keys.hint')}</p>
      <ol class="checklist-progress" aria-label={t('checklist.title')}>
        {BLOCKS.map((block) => {
          const inBlock = points.filter((p) => p.block === block);
          const answered = inBlock.filter((p) => p.status !== 'unknown').length;
          return (
            <li key={block} data-testid={`progress-${block}`} class={answered === inBlock.length ? 'done' : ''} aria-label={t('checklist.progress.label', { answered, total: inBlock.length })}>
              <span>{t(`checklist.block.${block}`)}</span> <strong>{t('checklist.progress', { answered, total: inBlock.length })}</strong>
            </li>
          );
        })}
      </ol>
      {BLOCKS.map((block) => (
        <div key={block} class="checklist-block">
          <h3>{t(`checklist.block.${block}`)}</h3>
          <ul class="checklist-points">
            {points.map((point, i) => {
              if (point.block !== block) return null;
              const isActive = i === index;
              return (
                <li
                  key={point.id}
                  ref={(el) => void (rowRefs.current[i] = el)}
                  class={`checklist-point status-${point.status}${isActive ? ' active' : ''}`}
                  data-testid="checklist-point"
                  data-point={point.id}
                  data-status={point.status}
                  aria-current={isActive ? 'step' : undefined}
                  onClick={() => setIndex(i)}
                >
                  <div class="point-head">
                    <span class="point-id">{point.id}</span>
                    <span class={`chip level-${point.level}`}>{t(`checklist.level.${point.level}`)}</span>
                    <span class="point-label">{t(pointLabelKey(point.id))}</span>
                  </div>
                  <div class="point-statuses" role="radiogroup" aria-label={t(pointLabelKey(point.id))}>
                    {STATUSES.map((status) => (
                      <button
                        type="button"
                        key={status}
                        role="radio"
                        aria-checked={point.status === status}
                        class={`status-button status-${status}`}
                        data-status-button={status}
                        onClick={(e) => {
                          e.stopPropagation();
                          onStatus(point.id, status);
                          setIndex(moveIndex(i, 'next', points.length));
                        }}
                      >
                        <kbd>{KEY_FOR_STATUS[status]}</kbd> {t(`checklist.status.${status}`)}
                      </button>
                    ))}
                  </div>
                  {point.suggested && (
                    <div class="point-suggestion" data-testid="suggestion" data-suggested={point.suggested.status}>
                      <span>{t('checklist.suggested', { status: t(`checklist.status.${point.suggested.status}`) })}</span>
                      {point.origin === 'accepted' && point.status === point.suggested.status ? (
                        <span class="muted"> · {t('checklist.origin.accepted')}</span>
                      ) : (
                        <button
                          type="button"
                          class="accept"
                          data-testid="accept-suggestion"
                          onClick={(e) => {
                            e.stopPropagation();
                            onAccept(point.id);
                            setIndex(moveIndex(i, 'next', points.length));
                          }}
                        >
                          {t('checklist.suggested.accept')}
                        </button>
                      )}
                      {point.suggested.findingIds.length > 0 ? (
                        <details>
                          <summary>{t('checklist.suggested.evidence')}</summary>
                          <ul>
                            {point.suggested.findingIds.map((id) => (
                              <li key={id}>{titleOf(id)}</li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        <p class="muted">{t('checklist.suggested.clean')}</p>
                      )}
                    </div>
                  )}
                  {point.confirmedAt && point.status !== 'unknown' && (
                    <p class="muted point-confirmed">{t('checklist.confirmedAt', { date: date(point.confirmedAt) })}</p>
                  )}
                  {isActive && (
                    <div class="point-detail">
                      <p class="point-help">{t(pointHelpKey(point.id))}</p>
                      <NoteField point={point} text={noteOf(point)}
                        onText={(text) => {
                          setDrafts({ ...drafts, [point.id]: text });
                          if (text.length <= NOTE_MAX) onNote(point.id, text);
                        }} />
                    </div>
                  )}
                  {!isActive && (noteOf(point).length > NOTE_MAX ? (
                    <>
                      {point.note && <p class="point-note">{point.note}</p>}
                      <p class="field-error point-note-unsaved">{t('checklist.note.unsaved')}</p>
                    </>
                  ) : noteOf(point).trim() && <p class="point-note">{noteOf(point)}</p>)}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * A point's note: a label, the count against the limit, and, past the limit, a message saying the
 * note is not saved until it is shortened; the text typed stays as it is.
 */
function NoteField({ point, text, onText }: { point: ChecklistPoint; text: string; onText: (text: string) => void }) {
  const { t } = useT();
  const id = `point-note-${point.id}`;
  const over = text.length > NOTE_MAX;
  return (
    <div class={`field point-note-field${over ? ' field-invalid' : ''}`}>
      <label class="field-label" for={id}>{t('checklist.note')}</label>
      <textarea
        id={id}
        data-testid="point-note"
        rows={2}
        placeholder={t('checklist.note.placeholder')}
        value={text}
        aria-describedby={`${counterId(id)} ${errorId(id)}`}
        aria-invalid={over ? 'true' : undefined}
        onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <CharCount id={id} length={text.length} max={NOTE_MAX} />
      {/* Always present, so that screen readers announce the message when it appears. */}
      <p class="field-error" id={errorId(id)} aria-live="polite" data-testid="point-note-error">
        {over && (
          <>
            <span class="visually-hidden">{t('form.error.label')} </span>
            {t('checklist.note.tooLong', { max: NOTE_MAX })}
          </>
        )}
      </p>
    </div>
  );
}
