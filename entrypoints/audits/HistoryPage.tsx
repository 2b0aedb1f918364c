import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { BackupPanel } from '../../components/history/BackupPanel';
import { CompareView } from '../../components/history/CompareView';
import { DomainList } from '../../components/history/DomainList';
import type { HistoryIO } from '../../components/history/io';
import { MonthlyReport } from '../../components/history/MonthlyReport';
import { ScoreChart } from '../../components/history/ScoreChart';
import { StoragePanel } from '../../components/history/StoragePanel';
import { Timeline } from '../../components/history/Timeline';
import { useT } from '../../components/i18n';
import type { Audit } from '../../lib/audit/schema';
import { domainSummaries, getAudit, type AuditSummary, type VigieDatabase } from '../../lib/store/db';
import { listDomains } from '../../lib/store/domains';
import { toStoreError } from '../../lib/store/errors';
import { deleteAudit, deleteDomain, deleteEverything } from '../../lib/store/housekeeping';
import type { DomainRecord } from '../../lib/store/schema';
import { historyData } from './data';

export interface HistoryPageProps {
  db: VigieDatabase;
  io: HistoryIO;
  initialDomain: string | null;
  now: () => Date;
  /** Called when the page moves between the list and a domain (the entry point updates the URL). */
  onNavigate?: (domain: string | null) => void;
}

type Compare = { phase: 'loading' } | { phase: 'missing' } | { phase: 'ready'; a: Audit; b: Audit };

/**
 * The history page. Lists and timelines come from summaries only; full audits are read when a
 * comparison or a monthly report is asked for.
 */
export function HistoryPage({ db, io, initialDomain, now, onNavigate }: HistoryPageProps) {
  const { t, tn, dateTime } = useT();
  const [domain, setDomain] = useState<string | null>(initialDomain);
  const [rows, setRows] = useState<DomainRecord[] | null>(null);
  const [summaries, setSummaries] = useState<AuditSummary[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [compare, setCompare] = useState<Compare | null>(null);
  const [corrupt, setCorrupt] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const onCorrupt = useCallback(() => setCorrupt((n) => n + 1), []);
  const data = useMemo(() => historyData(db, io, onCorrupt), [db, io, onCorrupt]);
  const failedToRead = (error: unknown) => {
    console.error('Vigie: the history could not be read', error);
    setNotice({ kind: 'error', text: t('history.error.open') });
  };

  useEffect(() => {
    setCorrupt(0);
    setCompare(null);
    setSelected([]);
    if (domain === null) {
      setSummaries(null);
      listDomains(db, onCorrupt).then(setRows, failedToRead);
    } else {
      setRows(null);
      domainSummaries(db, domain, onCorrupt).then(setSummaries, failedToRead);
    }
  }, [db, domain, version]);

  useEffect(() => {
    document.title = domain ? `${t('history.timeline', { domain })} — Vigie` : t('history.pageTitle');
  }, [domain]);

  function go(next: string | null) {
    setNotice(null);
    setDomain(next);
    onNavigate?.(next);
  }

  async function guarded(question: string, work: () => Promise<unknown>) {
    if (!io.confirm(question)) return;
    try {
      await work();
      setNotice({ kind: 'ok', text: t('history.delete.done') });
    } catch (error) {
      setNotice({ kind: 'error', text: t(toStoreError(error).messageKey) });
    }
    setVersion((v) => v + 1);
  }

  async function runCompare() {
    const [first, second] = selected;
    if (!first || !second) return;
    setCompare({ phase: 'loading' });
    try {
      const [a, b] = await Promise.all([getAudit(db, first, onCorrupt), getAudit(db, second, onCorrupt)]);
      setCompare(a && b ? { phase: 'ready', a, b } : { phase: 'missing' });
    } catch (error) {
      setCompare(null);
      failedToRead(error);
    }
  }

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < 2 ? [...s, id] : s));

  return (
    <main class="report-main history" data-testid="history">
      {domain === null ? (
        <>
          <h1>{t('history.title')}</h1>
          {rows === null ? <p class="loading">{t('history.loading')}</p>
            : rows.length === 0 ? <p class="muted" data-testid="history-empty">{t('history.empty')}</p>
            : (<section aria-labelledby="domains-title"><h2 id="domains-title">{t('history.domains')}</h2><DomainList rows={rows} onOpen={go} /></section>)}
        </>
      ) : (
        <>
          <p><a href="?" onClick={(e) => { e.preventDefault(); go(null); }}>{t('history.back')}</a></p>
          <h1>{t('history.timeline', { domain })}</h1>
          {summaries === null ? <p class="loading">{t('history.loading')}</p>
            : summaries.length === 0 ? <p class="muted">{t('history.timeline.empty', { domain })}</p>
            : (
              <>
                <ScoreChart summaries={summaries} />
                <p class="muted">{t('history.compare.pick')}</p>
                <Timeline summaries={summaries} selected={selected} onToggle={toggle}
                  onDelete={(s) => void guarded(t('history.delete.audit.confirm', { date: dateTime(s.startedAt) }), () => deleteAudit(db, s.id))} />
                <p><button type="button" class="primary" disabled={selected.length !== 2} onClick={() => void runCompare()} data-testid="compare-button">{t('history.compare.button')}</button></p>
                {compare?.phase === 'loading' && <p class="loading">{t('history.compare.loading')}</p>}
                {compare?.phase === 'missing' && <p class="error" role="alert">{t('history.compare.missing')}</p>}
                {compare?.phase === 'ready' && <CompareView a={compare.a} b={compare.b} />}
                <MonthlyReport data={data} io={io} domain={domain} now={now} />
              </>
            )}
          <p>
            <button type="button" class="danger" onClick={() => void guarded(t('history.delete.domain.confirm', { domain }), async () => { await deleteDomain(db, domain); go(null); })}>
              {t('history.delete.domain', { domain })}
            </button>
          </p>
        </>
      )}
      {corrupt > 0 && <p class="error" role="status" data-testid="corrupt-count">{tn('history.corrupt', corrupt)}</p>}
      {notice && <p class={notice.kind === 'error' ? 'error' : 'ok-note'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">{notice.text}</p>}

      <section class="housekeeping" aria-labelledby="housekeeping-title">
        <h2 id="housekeeping-title">{t('history.housekeeping')}</h2>
        <StoragePanel usage={data.storageUsage} version={version} />
        <BackupPanel data={data} io={io} now={now} onRestored={() => setVersion((v) => v + 1)} />
        <p>
          <button type="button" class="danger" data-testid="delete-all" onClick={() => void guarded(t('history.delete.all.confirm'), async () => { await deleteEverything(db); go(null); })}>
            {t('history.delete.all')}
          </button>
        </p>
      </section>
    </main>
  );
}
