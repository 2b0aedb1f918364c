import { useEffect, useState } from 'preact/hooks';
import { PRIORITIES_ORDER } from './priorities';
import { AgencyFieldsSchema, type AgencyFields } from '../../lib/history/model';
import { useT } from '../i18n';

export interface AgencyFieldsFormProps {
  domain: string;
  month: string;
  initial: AgencyFields | null;
  now: () => Date;
  onSave: (fields: AgencyFields) => Promise<string | null>;
}

type Draft = { uptime: string; P0: string; P1: string; P2: string; P3: string; hours: string; comment: string };

function toDraft(f: AgencyFields | null): Draft {
  return {
    uptime: f?.uptimePercent?.toString() ?? '',
    P0: String(f?.tickets.P0 ?? 0), P1: String(f?.tickets.P1 ?? 0), P2: String(f?.tickets.P2 ?? 0), P3: String(f?.tickets.P3 ?? 0),
    hours: f?.timeSpentHours?.toString() ?? '',
    comment: f?.comment ?? '',
  };
}

const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** The figures only the agency knows (uptime, tickets, time spent), saved per domain and month. */
export function AgencyFieldsForm({ domain, month, initial, now, onSave }: AgencyFieldsFormProps) {
  const { t } = useT();
  const [draft, setDraft] = useState<Draft>(toDraft(initial));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setDraft(toDraft(initial)), [initial]);
  useEffect(() => setMessage(null), [domain, month]);
  const set = (key: keyof Draft) => (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });

  async function submit(e: Event) {
    e.preventDefault();
    const candidate = AgencyFieldsSchema.safeParse({
      domain, month,
      uptimePercent: num(draft.uptime),
      tickets: { P0: num(draft.P0) ?? 0, P1: num(draft.P1) ?? 0, P2: num(draft.P2) ?? 0, P3: num(draft.P3) ?? 0 },
      timeSpentHours: num(draft.hours),
      comment: draft.comment,
      updatedAt: now().toISOString(),
    });
    if (!candidate.success) return setMessage({ kind: 'error', text: t('history.monthly.invalid') });
    const error = await onSave(candidate.data);
    setMessage(error ? { kind: 'error', text: t(error) } : { kind: 'ok', text: t('history.monthly.saved') });
  }

  return (
    <form class="agency-fields" onSubmit={submit} noValidate data-testid="agency-fields">
      <h3>{t('history.monthly.agency')}</h3>
      <label>{t('history.monthly.field.uptime')} <input type="number" min="0" max="100" step="any" value={draft.uptime} onInput={set('uptime')} name="uptime" /></label>
      <fieldset>
        <legend>{t('history.monthly.field.tickets')}</legend>
        {PRIORITIES_ORDER.map((p) => (
          <label key={p}>{p} <input type="number" min="0" step="1" value={draft[p]} onInput={set(p)} name={`tickets-${p}`} /></label>
        ))}
      </fieldset>
      <label>{t('history.monthly.field.timeSpent')} <input type="number" min="0" step="any" value={draft.hours} onInput={set('hours')} name="hours" /></label>
      <label class="wide">{t('history.monthly.field.comment')} <textarea maxLength={4000} rows={3} value={draft.comment} onInput={set('comment')} name="comment" /></label>
      <button type="submit" class="primary">{t('history.monthly.save')}</button>
      {message && <p class={message.kind === 'error' ? 'error' : 'ok-note'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}
