import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { PRIORITIES_ORDER } from './priorities';
import { AgencyFieldsSchema, type AgencyFields } from '../../lib/history/model';
import type { Translator } from '../../lib/i18n';
import { useT } from '../i18n';
import {
  ariaFor, CharCount, counterId, ErrorSummary, Field, FieldError, issueMessage, maxLengthOf, parseNumber, problemsOf, schemaAt, useShownErrors, type FieldProblem,
} from '../options/form';

export interface AgencyFieldsFormProps {
  domain: string;
  month: string;
  initial: AgencyFields | null;
  now: () => Date;
  onSave: (fields: AgencyFields) => Promise<string | null>;
}

type Draft = { uptime: string; P0: string; P1: string; P2: string; P3: string; hours: string; comment: string };
type Key = keyof Draft;

function toDraft(f: AgencyFields | null): Draft {
  return {
    uptime: f?.uptimePercent?.toString() ?? '',
    P0: String(f?.tickets.P0 ?? 0), P1: String(f?.tickets.P1 ?? 0), P2: String(f?.tickets.P2 ?? 0), P3: String(f?.tickets.P3 ?? 0),
    hours: f?.timeSpentHours?.toString() ?? '',
    comment: f?.comment ?? '',
  };
}

/** Empty is "not filled in" (null); anything else must be a number ("99,5" is read as 99.5). */
const num = (s: string) => (s.trim() === '' ? null : parseNumber(s));

export const agencyFieldsId = (key: Key) => (key === 'uptime' || key === 'hours' || key === 'comment' ? `agency-fields-${key}` : `agency-fields-tickets-${key}`);
const COMMENT_MAX = maxLengthOf(schemaAt(AgencyFieldsSchema, ['comment'])) ?? 4000;

function candidate(draft: Draft, domain: string, month: string, now: () => Date) {
  return {
    domain, month,
    uptimePercent: num(draft.uptime),
    tickets: { P0: num(draft.P0) ?? 0, P1: num(draft.P1) ?? 0, P2: num(draft.P2) ?? 0, P3: num(draft.P3) ?? 0 },
    timeSpentHours: num(draft.hours),
    comment: draft.comment,
    updatedAt: now().toISOString(),
  };
}

/** The key of the draft that an issue of the schema is about. */
function keyOf(path: readonly PropertyKey[]): Key | null {
  const [a, b] = path.map(String);
  if (a === 'uptimePercent') return 'uptime';
  if (a === 'timeSpentHours') return 'hours';
  if (a === 'comment') return 'comment';
  if (a === 'tickets' && (b === 'P0' || b === 'P1' || b === 'P2' || b === 'P3')) return b;
  return null;
}

export function agencyFieldsProblems(input: ReturnType<typeof candidate>, t: Translator['t'], tn: Translator['tn']): FieldProblem[] {
  const label = (key: Key) =>
    key === 'uptime' ? t('history.monthly.field.uptime') : key === 'hours' ? t('history.monthly.field.timeSpent') : key === 'comment' ? t('history.monthly.field.comment')
      : t('form.label.in', { field: key, group: t('history.monthly.field.tickets') });
  return problemsOf(AgencyFieldsSchema, input, (issue: z.core.$ZodIssue) => (keyOf(issue.path) ? { path: issue.path, message: issueMessage(t, tn, issue, AgencyFieldsSchema, input) } : null))
    .map((w) => {
      const key = keyOf(w.path)!;
      return { id: agencyFieldsId(key), label: label(key), message: w.message };
    });
}

/** The figures only the agency knows (uptime, tickets, time spent), saved per domain and month. */
export function AgencyFieldsForm({ domain, month, initial, now, onSave }: AgencyFieldsFormProps) {
  const { t, tn } = useT();
  const [draft, setDraft] = useState<Draft>(toDraft(initial));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const errors = useShownErrors();
  useEffect(() => setDraft(toDraft(initial)), [initial]);
  useEffect(() => {
    setMessage(null);
    errors.reset();
  }, [domain, month]);
  const set = (key: Key) => (e: Event) => {
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
    setMessage(null);
  };

  const problems = agencyFieldsProblems(candidate(draft, domain, month, now), t, tn);
  const errorOf = (key: Key) => {
    const id = agencyFieldsId(key);
    return errors.shown(id) ? problems.find((p) => p.id === id)?.message ?? null : null;
  };

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = AgencyFieldsSchema.safeParse(candidate(draft, domain, month, now));
    if (!parsed.success) {
      errors.tried();
      return setMessage({ kind: 'error', text: t('options.invalid') });
    }
    const error = await onSave(parsed.data);
    if (!error) errors.reset();
    setMessage(error ? { kind: 'error', text: t(error) } : { kind: 'ok', text: t('history.monthly.saved') });
  }

  const numberField = (key: 'uptime' | 'hours', label: string, hint: string) => {
    const id = agencyFieldsId(key);
    return (
      <Field id={id} label={label} hint={hint} size="short" error={errorOf(key)}>
        <input {...ariaFor(id, { hint, error: errorOf(key) })} name={key} type="text" inputMode="decimal" autoComplete="off" value={draft[key]} onInput={set(key)} />
      </Field>
    );
  };
  const ticketsId = 'agency-fields-tickets';
  const commentId = agencyFieldsId('comment');

  return (
    <form class="agency-fields-form form-card" onSubmit={submit} onFocusOut={errors.onFocusOut} noValidate data-testid="agency-fields">
      <h3>{t('history.monthly.agency')}</h3>
      <div class="field-row">
        {numberField('uptime', t('history.monthly.field.uptime'), t('options.agencyFields.uptime.hint'))}
        {numberField('hours', t('history.monthly.field.timeSpent'), t('options.agencyFields.hours.hint'))}
      </div>
      <fieldset class="form-choices" aria-describedby={`${ticketsId}-hint`}>
        <legend class="field-label">{t('history.monthly.field.tickets')}</legend>
        <p class="field-hint" id={`${ticketsId}-hint`}>{t('options.agencyFields.tickets.hint')}</p>
        <div class="field-row field-row-compact">
          {PRIORITIES_ORDER.map((p) => {
            const id = agencyFieldsId(p);
            return (
              <div key={p} class={`field field-short${errorOf(p) ? ' field-invalid' : ''}`} data-field={id}>
                <label class="field-label" for={id}>{p}</label>
                <input {...ariaFor(id, { error: errorOf(p) })} type="text" inputMode="numeric" autoComplete="off" value={draft[p]} onInput={set(p)} name={`tickets-${p}`} />
              </div>
            );
          })}
        </div>
        {/* Under the row, where a sentence fits; each names its field. */}
        {PRIORITIES_ORDER.map((p) => {
          const error = errorOf(p);
          return <FieldError key={p} id={agencyFieldsId(p)} error={error && t('form.error.named', { field: p, message: error })} />;
        })}
      </fieldset>
      <Field id={commentId} label={t('history.monthly.field.comment')} error={errorOf('comment')}>
        <textarea {...ariaFor(commentId, { extra: counterId(commentId), error: errorOf('comment') })} rows={3} value={draft.comment} onInput={set('comment')} name="comment" />
        <CharCount id={commentId} length={draft.comment.length} max={COMMENT_MAX} />
      </Field>
      <div class="form-footer">
        <ErrorSummary id="agency-fields-summary" problems={errors.attempt > 0 ? problems : []} attempt={errors.attempt} testId="agency-fields-summary" />
        <div class="form-actions">
          <button type="submit" class="primary">{t('history.monthly.save')}</button>
          <p class={`form-status${message?.kind === 'error' ? ' form-status-error' : ''}`} role="status">{message?.text ?? ''}</p>
        </div>
      </div>
    </form>
  );
}
