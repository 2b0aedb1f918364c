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
  /** Our own one-line summary, in the audit's language, written from `weakness` (never the upstream title). */
  summary: z.string().max(500),
  fixedIn: z.string().max(64).optional(),
  url: z.string().max(500),
  /** Weakness class (i18n `weakness.<key>`), so any export can word the summary in its own language. */
  weakness: z.string().max(40).optional(),
  /** CVSS base score, when the source gives one. */
  cvss: z.number().min(0).max(10).optional(),
  /** Knowledge-base source id (docs/knowledge-base.md). */
  source: z.string().max(40).optional(),
  /** The source states no severity: the one shown is a default. */
  severityUnknown: z.literal(true).optional(),
});
const DatedVersion = z.object({ version: z.string().max(64), date: z.string().max(10).optional() });
export const TechCategory = z.enum(['library', 'framework', 'cms', 'plugin', 'theme', 'shop', 'server', 'language', 'waf', 'cdn', 'monitoring', 'analytics']);
export const Technology = z.object({
  name: z.string().max(100),
  version: z.string().max(64).optional(),
  category: TechCategory,
  confidence: z.number().min(0).max(100),
  sources: z.array(z.string().max(200)).max(20),
  vulnerabilities: z.array(Vulnerability).max(200),
  /**
   * End of life of the version's line: an ISO day, or true when the source gives no day. Audits
   * saved before knowledge base 2 wrote "yes" for true.
   */
  eol: z.preprocess((v) => (v === 'yes' ? true : v), z.union([z.string().max(32), z.literal(true)])).optional(),
  /** The newest release the knowledge base knows. */
  latest: z.string().max(64).optional(),
  /** How long a newer release has been available, ISO 8601 in years and months ("P8Y9M"). */
  behindBy: z.string().max(64).optional(),
  /** The facts behind `behindBy`: since when, how many releases, the first newer, the newest of its line and overall. */
  behind: z.object({
    since: z.string().max(10),
    releases: z.number().int().min(1),
    next: DatedVersion,
    lineLatest: DatedVersion.optional(),
    newest: DatedVersion,
  }).optional(),
  /** The one version to move to, with its own release day, and why. */
  updateTo: DatedVersion.extend({ reason: z.enum(['vulnerable', 'end-of-life', 'branch-patched', 'behind']) }).optional(),
  /** The version's line kept getting releases after its announced end of life: its newest one. */
  patchedAfterEol: DatedVersion.extend({ cycle: z.string().max(32), eol: z.union([z.string().max(32), z.literal(true)]) }).optional(),
  /** What the knowledge base could not judge: a version newer than it knows, or no release dates. */
  notJudged: z.enum(['newer-than-kb', 'no-release-dates', 'partial-version', 'version-hint', 'version-unknown']).optional(),
  /** Where the version was read, for an extension: its own version file, or only a `?ver=` hint. */
  versionFrom: z.enum(['readme', 'style', 'query-hint']).optional(),
  /**
   * The version comes from a server or language banner: the advisories are those of the upstream
   * version, and a distribution may have patched it (named when the banner names it).
   */
  upstreamAssumed: z.object({ distribution: z.string().max(40).optional() }).optional(),
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
  /** The maintenance surface (lib/diagnosis/surface.ts): components to keep up to date, and how many are behind, unsupported, vulnerable. Absent before knowledge base 2. */
  surface: z.object({
    total: z.number().int().min(0),
    byKind: z.partialRecord(z.enum(['cms', 'shop', 'plugin', 'theme', 'framework', 'library', 'server', 'language']), z.number().int().min(0)),
    behind: z.number().int().min(0),
    unsupported: z.number().int().min(0),
    vulnerable: z.number().int().min(0),
  }).optional(),
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
  /** The knowledge base the components were judged with: its date (the oldest of its sources') and each source's. Absent before knowledge base 2. */
  knowledgeBase: z.object({
    date: z.string().max(10),
    sources: z.array(z.object({ id: z.string().max(40), name: z.string().max(200), date: z.string().max(10) })).max(30),
  }).optional(),
  /** The redacted evidence the findings were drawn from. */
  evidence: Evidence,
});
export type Audit = z.infer<typeof Audit>;
