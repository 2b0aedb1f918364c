/**
 * One address in, one result out: the evidence collected from Node, then the same pure pipeline
 * as the extension (buildAudit: rules, components, score, diagnosis, redaction), validated by the
 * Audit schema. Never throws: every failure becomes a result with a message key.
 */
import { randomUUID } from 'node:crypto';
import { buildAudit } from '../lib/audit/build';
import { cliKnowledgeBase } from './kb';
import { domainOf } from '../lib/audit/domain';
import { Audit } from '../lib/audit/schema';
import type { ChecklistAnswers } from '../lib/diagnosis/answers';
import type { Locale } from '../lib/i18n';
import { collectSite, SiteFailure, type SiteLimits } from './collect/site';
import type { Target } from './targets';

export interface ScanError {
  code: string;
  key: string;
  params: Record<string, string | number>;
}

export type SiteResult =
  | { input: string; ok: true; audit: Audit }
  | { input: string; ok: false; url: string | null; error: ScanError };

export interface ScanOptions {
  limits: SiteLimits;
  locale: Locale;
  answersFor: (domain: string) => ChecklistAnswers | undefined;
  now?: () => Date;
}

/** A last guard above the site deadline: even a check that ignored it cannot hold the batch. */
const GRACE_MS = 3000;

function errorOf(error: unknown): ScanError {
  if (error instanceof SiteFailure) return { code: error.code, key: error.key, params: error.params };
  return { code: 'internal', key: 'cli.error.internal', params: { detail: String((error as Error)?.message ?? error).slice(0, 200) } };
}

async function withGuard<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SiteFailure('deadline', { ms })), ms + GRACE_MS);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}

export async function scanTarget(target: Target, options: ScanOptions): Promise<SiteResult> {
  if (!target.ok) return { input: target.input, ok: false, url: null, error: { code: target.code, key: `cli.error.${target.code}`, params: target.params } };
  const startedAt = options.now?.() ?? new Date();
  const started = performance.now();
  try {
    const [collected, kb] = await Promise.all([withGuard(collectSite(target.url, options.limits, startedAt), options.limits.deadlineMs), cliKnowledgeBase()]);
    const audit = buildAudit({
      id: randomUUID(),
      evidence: collected.evidence,
      notMeasured: collected.notMeasured,
      startedAt,
      durationMs: performance.now() - started,
      platform: { name: 'node', version: process.versions.node.slice(0, 64) },
      locale: options.locale,
      kb,
      answers: options.answersFor(domainOf(collected.evidence.url)),
    });
    return { input: target.input, ok: true, audit: Audit.parse(audit) };
  } catch (error) {
    return { input: target.input, ok: false, url: target.url.href, error: errorOf(error) };
  }
}
