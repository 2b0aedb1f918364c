/** Small helpers shared by the end-to-end test files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Audit } from '../../lib/audit/schema';
import type { ScanResponse } from '../../lib/messages';
import { foreignAttempts, hostAttempts, readNetLog } from './netlog.mjs';

/** Best first, as the score model orders them. */
export const GRADE_ORDER = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'] as const;

export function gradeRank(grade: string): number {
  const rank = (GRADE_ORDER as readonly string[]).indexOf(grade);
  if (rank < 0) throw new Error(`Unknown grade ${grade}`);
  return rank;
}

export function netLogPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), `vigie-netlog-${name}-`)), 'netlog.json');
}

/** Narrows a scan response to a successful audit, failing the test with the error otherwise. */
export function auditOf(response: unknown): { audit: Audit; previous: Extract<ScanResponse, { ok: true }>['previous'] } {
  const r = response as ScanResponse;
  if (!r.ok) throw new Error(`Scan failed: ${r.error.code} ${r.error.message}`);
  return { audit: r.audit, previous: r.previous };
}

export function errorOf(response: unknown): Extract<ScanResponse, { ok: false }>['error'] {
  const r = response as ScanResponse;
  if (r.ok) throw new Error(`Expected the scan to be refused, got an audit of ${r.audit.url}`);
  return r.error;
}

export function ruleIds(audit: Audit): string[] {
  return audit.findings.map((f) => f.ruleId);
}

export function findingsOf(audit: Audit, ruleId: string, subject?: string) {
  return audit.findings.filter((f) => f.ruleId === ruleId && (subject === undefined || f.subject === subject));
}

/** Where, in a JSON-like value, a string contains `needle` (paths like `findings[3].message.params.url`). */
export function pathsContaining(value: unknown, needle: string, path = ''): string[] {
  if (typeof value === 'string') return value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsContaining(item, needle, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => pathsContaining(item, needle, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * The whole browser's network log (service worker, content scripts, pages, the browser's own
 * calls) shows requests to the expected local sites and to no other host.
 */
export function expectOnlyLocalRequests(path: string, mustHaveReached: string[]) {
  const log = readNetLog(path);
  const reached = new Set(hostAttempts(log).map((a) => a.host));
  for (const host of mustHaveReached) expect(reached, `the log should show requests to ${host}`).toContain(host);
  expect(foreignAttempts(log)).toEqual([]);
}
