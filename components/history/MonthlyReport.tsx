import { useEffect, useState } from 'preact/hooks';
import { exportMonthlyReport } from '../../lib/export';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/types';
import { exportFileName } from '../../lib/export/filename';
import { firstSeenDates } from '../../lib/history/first-seen';
import { monthPeriod, monthlyReportData, selectMonthlyAudits, type MonthlyReportData } from '../../lib/history/monthly';
import type { AgencyFields } from '../../lib/history/model';
import { useT } from '../i18n';
import { AgencyFieldsForm } from './AgencyFieldsForm';
import { MonthlySections } from './MonthlySections';
import type { HistoryData, HistoryIO } from './io';

export interface MonthlyReportProps {
  data: HistoryData;
  io: HistoryIO;
  domain: string;
  now: () => Date;
}

type State =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'failed' }
  | { phase: 'ready'; month: string; data: MonthlyReportData | null; fields: AgencyFields | null };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MONTHS_OFFERED = 24;

/** The current month and the 23 before it, as [YYYY-MM, "novembre 2026"] in the page's language (UTC). */
export function recentMonths(today: Date, locale: string): Array<[string, string]> {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const out: Array<[string, string]> = [];
  for (let i = 0; i < MONTHS_OFFERED; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push([d.toISOString().slice(0, 7), format.format(d)]);
  }
  return out;
}

/** Month picker, the agency's fields and the seven headings; audits are read only when a month is shown. */
export function MonthlyReport({ data: store, io, domain, now }: MonthlyReportProps) {
  const { t, locale } = useT();
  const [month, setMonth] = useState(now().toISOString().slice(0, 7));
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [format, setFormat] = useState<ExportFormat>('markdown');
  useEffect(() => setState({ phase: 'idle' }), [domain]);

  /**
   * `refresh` re-reads the month already shown without passing through 'loading': the agency form
   * stays mounted, so the note it shows after a save ("Saved.") is not thrown away with it.
   */
  async function load(shown: string, refresh = false) {
    if (!MONTH.test(shown)) return;
    if (!refresh) setState({ phase: 'loading' });
    try {
      await build(shown);
    } catch (error) {
      console.error('Vigie: the monthly report could not be prepared', error);
      setState({ phase: 'failed' });
    }
  }

  async function build(month: string) {
    const period = monthPeriod(month);
    const summaries = await store.summaries(domain);
    const selection = selectMonthlyAudits(summaries, period);
    const fields = await store.agencyFields(domain, month);
    if (!selection.latestId) return setState({ phase: 'ready', month, data: null, fields });
    const [baseline, latest] = await Promise.all([
      selection.baselineId ? store.audit(selection.baselineId) : null,
      store.audit(selection.latestId),
    ]);
    const data = monthlyReportData({ domain, period, selection, baseline, latest, firstSeen: firstSeenDates(summaries), agency: fields, now: now() });
    setState({ phase: 'ready', month, data, fields });
  }

  async function save(fields: AgencyFields): Promise<string | null> {
    const failed = await store.saveAgencyFields(fields);
    if (failed) return failed;
    await load(fields.month, true);
    return null;
  }

  function download(data: MonthlyReportData) {
    const result = exportMonthlyReport(data, format, { locale });
    io.download(new Blob([result.content], { type: result.mimeType }), exportFileName(domain, data.period.from, result.extension, 'monthly'));
  }

  return (
    <section class="monthly" aria-labelledby="monthly-title" data-testid="monthly">
      <h2 id="monthly-title">{t('history.monthly.title')}</h2>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void load(month); }}>
        {/* A list of months in the page's language, not the browser's own month picker (which speaks the browser's). */}
        <label>{t('history.monthly.month')}{' '}
          <select value={month} onChange={(e) => setMonth(e.currentTarget.value)} name="month">
            {recentMonths(now(), locale).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <button type="submit">{t('history.monthly.show')}</button>
      </form>
      {state.phase === 'loading' && <p class="loading">{t('history.monthly.loading')}</p>}
      {state.phase === 'failed' && <p class="error" role="alert">{t('history.error.open')}</p>}
      {state.phase === 'ready' && (
        <>
          {/* The month shown, not the picker's value: a month picked but not yet shown must not receive these figures. */}
          <AgencyFieldsForm domain={domain} month={state.month} initial={state.fields} now={now} onSave={save} />
          {state.data === null ? <p class="muted">{t('history.monthly.noAudit', { domain })}</p> : (
            <>
              <MonthlySections data={state.data} />
              <div class="inline-form">
                <label>{t('history.monthly.export.format')}{' '}
                  <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
                    {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
                  </select>
                </label>
                <button type="button" onClick={() => download(state.data!)}>{t('history.monthly.export')}</button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
