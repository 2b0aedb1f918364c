/** Command-line options of `vigie scan`, parsed and checked; a wrong option is a usage error (exit 2). */
import { parseArgs } from 'node:util';
import { Severity } from '../lib/audit/schema';
import type { Locale } from '../lib/i18n';

export const FORMATS = ['table', 'markdown', 'csv', 'json', 'jsonl', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  command: 'scan' | 'help' | 'version';
  urls: string[];
  format: Format;
  output: string | null;
  locale: Locale;
  failOn: Severity | null;
  checklist: string | null;
  input: string | null;
  concurrency: number;
  timeoutMs: number;
  deadlineMs: number;
  summary: string | null;
  insecure: boolean;
  progress: boolean;
}

export class UsageError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

/** "10s", "500ms", "1.5s", "2m" or a bare number of seconds, to milliseconds. */
export function parseDuration(option: string, value: string, min: number, max: number): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000) : NaN;
  if (!Number.isFinite(ms) || ms < min || ms > max) throw new UsageError('cli.usage.bad-duration', { option, value, min, max });
  return Math.round(ms);
}

function parseInteger(option: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError('cli.usage.bad-number', { option, value, min, max });
  return n;
}

/** The language for messages before the options are known (a usage error in --lang fr is said in French). */
export function guessLocale(argv: readonly string[]): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i === -1) return 'en';
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'fr' ? 'fr' : 'en';
}

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        'fail-on': { type: 'string' },
        checklist: { type: 'string' },
        input: { type: 'string', short: 'i' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        deadline: { type: 'string' },
        summary: { type: 'string' },
        insecure: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError('cli.usage.bad-option', { detail: String((error as Error).message).slice(0, 300) });
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'fr') throw new UsageError('cli.usage.bad-lang', { value: lang });
  const base = {
    urls: [] as string[], format: 'table' as Format, output: null, locale: lang as Locale, failOn: null, checklist: null, input: null,
    concurrency: 4, timeoutMs: 10_000, deadlineMs: 45_000, summary: null, insecure: false, progress: true,
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...urls] = positionals;
  if (command === undefined || command === 'help') return { ...base, command: 'help' };
  if (command !== 'scan') throw new UsageError('cli.usage.unknown-command', { command: command.slice(0, 100) });

  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError('cli.usage.bad-format', { value: format });
  let failOn: Severity | null = null;
  if (values['fail-on'] !== undefined && values['fail-on'] !== 'none') {
    const severity = Severity.safeParse(values['fail-on']);
    if (!severity.success) throw new UsageError('cli.usage.bad-fail-on', { value: values['fail-on'] });
    failOn = severity.data;
  }
  const timeoutMs = values.timeout === undefined ? base.timeoutMs : parseDuration('--timeout', values.timeout, 100, 300_000);
  const deadlineMs = values.deadline === undefined ? Math.max(base.deadlineMs, timeoutMs) : parseDuration('--deadline', values.deadline, 100, 1_800_000);
  return {
    command: 'scan',
    urls,
    format: format as Format,
    output: values.output ?? null,
    locale: lang,
    failOn,
    checklist: values.checklist ?? null,
    input: values.input ?? null,
    concurrency: values.concurrency === undefined ? base.concurrency : parseInteger('--concurrency', values.concurrency, 1, 32),
    timeoutMs,
    deadlineMs,
    summary: values.summary ?? null,
    insecure: values.insecure ?? false,
    progress: !values['no-progress'],
  };
}
