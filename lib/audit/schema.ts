/** The Audit: the unit Vigie stores and exports. Format documented in docs/audit-format.md. */
import { z } from 'zod';
import { Evidence, HeaderSource, MessageRef, NotMeasured } from '../evidence/schema';

export const SCHEMA_VERSION = 1;

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITIES: readonly Severity[] = Severity.options;

export const Priority = z.enum(['P0', 'P1', 'P2', 'P3']);
export type Priority = z.infer<typeof Priority>;

export const Dimension = z.enum(['corrective', 'preventive', 'security', 'supervision', 'evolutive']);
export type Dimension = z.infer<typeof Dimension>;

export const Family = z.enum([
  'transport', 'headers', 'csp', 'cookies', 'disclosure', 'components',
  'mixed-content', 'waf', 'supervision', 'performance',
]);
export type Family = z.infer<typeof Family>;

export const PointId = z.enum([
  'A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4',
  'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9',
]);
export type PointId = z.infer<typeof PointId>;

export const EvidenceItem = z.object({
  /** An i18n key (`evidence.*`) naming what the value is, so any export can render it in its language. */
  label: z.string().max(100),
  value: z.string().max(16_384),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const Finding = z.object({
  id: z.string().max(400),
  ruleId: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/),
  subject: z.string().max(300).optional(),
  family: Family,
  severity: Severity,
  priority: Priority,
  dimension: Dimension,
  checklistPoint: PointId.optional(),
  message: MessageRef,
  title: z.string().max(2000),
  evidence: z.array(EvidenceItem).max(50),
  /** Deadline of the intervention, from the priority matrix (ISO 8601). */
  deadline: z.string().optional(),
  /** When this finding was first seen on the domain (ISO 8601), from the history. */
  firstSeen: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const ScoreTest = z.object({
  test: z.string().max(100),
  result: z.string().max(100),
  modifier: z.number(),
  pass: z.boolean().optional(),
});
export const Grade = z.enum(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F']);
export type Grade = z.infer<typeof Grade>;
export const Score = z.object({ value: z.number(), grade: Grade, tests: z.array(ScoreTest) });
export type Score = z.infer<typeof Score>;

export const Vulnerability = z.object({
  id: z.string().max(100),
  severity: Severity,
  summary: z.string().max(500),
  fixedIn: z.string().max(64).optional(),
  url: z.string().max(500),
});
export const TechCategory = z.enum(['library', 'framework', 'cms', 'shop', 'server', 'language', 'waf', 'cdn', 'monitoring', 'analytics']);
export const Technology = z.object({
  name: z.string().max(100),
  version: z.string().max(64).optional(),
  category: TechCategory,
  confidence: z.number().min(0).max(100),
  sources: z.array(z.string().max(200)).max(20),
  vulnerabilities: z.array(Vulnerability).max(200),
  eol: z.string().max(32).optional(),
  latest: z.string().max(64).optional(),
  behindBy: z.string().max(64).optional(),
});
export type Technology = z.infer<typeof Technology>;

export const SignalState = z.enum(['raised', 'clear', 'unconfirmed']);
export const Signal = z.object({
  id: z.string().regex(/^S([1-9]|10)$/),
  level: z.enum(['critique', 'eleve']),
  state: SignalState,
  reasons: z.array(MessageRef).max(30),
});
export type Signal = z.infer<typeof Signal>;

export const PointStatus = z.enum(['ok', 'partial', 'ko', 'unknown', 'na']);
export type PointStatus = z.infer<typeof PointStatus>;
export const ChecklistPoint = z.object({
  id: PointId,
  block: z.enum(['A', 'B', 'C', 'D', 'E']),
  level: z.enum(['critique', 'eleve']),
  status: PointStatus,
  suggested: z.object({ status: PointStatus, findingIds: z.array(z.string().max(400)).max(100) }).optional(),
  /** Whether the status was taken from the suggestion or set by the user. */
  origin: z.enum(['accepted', 'user', 'none']).optional(),
  note: z.string().max(4000).optional(),
  confirmedAt: z.string().optional(),
});
export type ChecklistPoint = z.infer<typeof ChecklistPoint>;

export const Diagnosis = z.object({
  sufficient: z.boolean(),
  threeCriticals: z.enum(['probable', 'possible', 'no']),
  dueDates: z.array(z.object({ point: PointId, due: z.string() })),
  tier: z.object({ recommended: z.enum(['essentiel', 'business', 'critique']), reasons: z.array(MessageRef) }),
});
export type Diagnosis = z.infer<typeof Diagnosis>;

export const Platform = z.object({ name: z.enum(['chromium', 'firefox', 'node']), version: z.string().max(64) });

export const Audit = z.object({
  id: z.string().uuid(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  url: z.string().max(4096),
  domain: z.string().max(253),
  locale: z.enum(['en', 'fr']),
  startedAt: z.string(),
  durationMs: z.number().min(0),
  platform: Platform,
  headerSource: HeaderSource,
  score: Score,
  findings: z.array(Finding),
  technologies: z.array(Technology),
  signals: z.array(Signal),
  checklist: z.object({ points: z.array(ChecklistPoint) }),
  diagnosis: Diagnosis,
  notMeasured: z.array(NotMeasured),
  /** The redacted evidence the findings were drawn from. */
  evidence: Evidence,
});
export type Audit = z.infer<typeof Audit>;
