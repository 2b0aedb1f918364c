/**
 * `vigie`: the command-line scanner. Reads the options and the list of addresses, scans them a
 * few at a time with the same pipeline as the extension, writes the report in the chosen format
 * and exits with a code a CI pipeline can gate on (see exit-codes.ts and docs/cli.md).
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import { auditsJunit } from '../lib/export/junit';
import { auditJson } from '../lib/export/json';
import { auditsSarif } from '../lib/export/sarif';
import { translate, type Locale } from '../lib/i18n';
import { guessLocale, parseCli, UsageError, type CliOptions } from './args';
import { scanAll } from './batch';
import { ChecklistError, loadChecklist, type AnswersFor } from './checklist';
import { DEFAULT_SITE_LIMITS } from './collect/site';
import { EXIT, exitCodeFor } from './exit-codes';
import { findingsCsv, summaryCsv } from './output/csv';
import { errorMessage } from './output/errors';
import { markdownReport } from './output/markdown';
import { tableReport, useColour } from './output/table';
import { outcomeOf, type SiteOutcome } from './outcome';
import { createProgress } from './progress';
import type { SiteResult } from './scan';
import { listLines, MAX_TARGETS, parseTarget } from './targets';
import { VERSION } from './version';

const MAX_LIST_BYTES = 50_000_000;

function say(stream: NodeJS.WriteStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buffer.length;
    if (total > MAX_LIST_BYTES) throw new Error(`more than ${MAX_LIST_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readList(file: string): Promise<string[]> {
  try {
    if (file === '-') return listLines(await readStdin());
    const handle = await open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      if (size > MAX_LIST_BYTES) throw new Error(`more than ${MAX_LIST_BYTES} bytes`);
      return listLines(await readFile(handle, 'utf8'));
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new UsageError('cli.usage.input-unreadable', { file, detail: String((error as NodeJS.ErrnoException).code ?? (error as Error).message).slice(0, 200) });
  }
}

async function addresses(options: CliOptions): Promise<string[]> {
  const list = [...options.urls];
  if (options.input) list.push(...(await readList(options.input)));
  else if (list.length === 0 && !process.stdin.isTTY) list.push(...listLines(await readStdin().catch(() => '')));
  if (list.length === 0) throw new UsageError('cli.usage.no-urls');
  if (list.length > MAX_TARGETS) throw new UsageError('cli.usage.too-many-urls', { max: MAX_TARGETS });
  return list;
}

function failureLine(locale: Locale, result: Extract<SiteResult, { ok: false }>): string {
  return `${result.url ?? result.input}: ${errorMessage(locale, result.error)}`;
}

function render(results: readonly SiteResult[], options: CliOptions, colour: boolean, single: boolean): string {
  const audits = results.flatMap((r) => (r.ok ? [r.audit] : []));
  const failures = results.flatMap((r) => (r.ok ? [] : [{ input: r.input, url: r.url, message: failureLine(options.locale, r) }]));
  switch (options.format) {
    case 'table':
      return tableReport(results, options.locale, colour);
    case 'markdown':
      return markdownReport(results, options.locale);
    case 'csv':
      return findingsCsv(results, options.locale);
    case 'json':
      if (single) return audits.length ? auditJson(audits[0]!) : '';
      return `${JSON.stringify(audits, null, 2)}\n`;
    case 'sarif':
      return auditsSarif(audits, failures, { locale: options.locale, toolVersion: VERSION });
    case 'junit':
      return auditsJunit(audits, failures, { locale: options.locale, ...(options.failOn ? { failureAt: options.failOn } : {}) });
    case 'jsonl':
      return ''; // Written line by line as each site finishes.
  }
}

/** One line per site for --format jsonl: the audit, or the address and why it was not scanned. */
function jsonLine(result: SiteResult, locale: Locale): string {
  if (result.ok) return `${JSON.stringify(result.audit)}\n`;
  return `${JSON.stringify({ input: result.input, url: result.url, error: { code: result.error.code, message: errorMessage(locale, result.error) } })}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let locale: Locale = guessLocale(argv);
  let options: CliOptions;
  let targets;
  let answersFor: AnswersFor = () => undefined;
  try {
    options = parseCli(argv);
    locale = options.locale;
    if (options.command === 'help') {
      say(process.stdout, translate(locale, 'cli.help', { version: VERSION }));
      return EXIT.ok;
    }
    if (options.command === 'version') {
      say(process.stdout, VERSION);
      return EXIT.ok;
    }
    targets = (await addresses(options)).map(parseTarget);
    if (options.checklist) answersFor = await loadChecklist(options.checklist);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ChecklistError) {
      say(process.stderr, `vigie: ${translate(locale, error.key, error.params)}`);
      if (error instanceof UsageError) say(process.stderr, translate(locale, 'cli.usage.hint'));
      return EXIT.usage;
    }
    throw error;
  }

  // The output file is opened before scanning: a wrong path fails now, not after a long batch.
  let out: Awaited<ReturnType<typeof open>> | null = null;
  if (options.output) {
    try {
      out = await open(options.output, 'w');
    } catch (error) {
      say(process.stderr, `vigie: ${translate(locale, 'cli.output.unwritable', { file: options.output, detail: String((error as NodeJS.ErrnoException).code ?? error) })}`);
      return EXIT.usage;
    }
  }
  const write = async (text: string) => {
    if (!text) return;
    if (out) await out.write(text);
    else process.stdout.write(text);
  };

  const progress = createProgress(process.stderr, targets.length, locale, options.progress);
  const showFailuresOnStderr = !(options.format === 'table' && !out);
  let pending: Promise<void> = Promise.resolve();
  const streamed = options.format === 'jsonl';
  const results: SiteResult[] = [];
  const outcomes: SiteOutcome[] = new Array(targets.length);
  await scanAll(
    targets,
    {
      limits: { ...DEFAULT_SITE_LIMITS, timeoutMs: options.timeoutMs, deadlineMs: options.deadlineMs, insecure: options.insecure },
      locale,
      answersFor,
    },
    options.concurrency,
    (result, index) => {
      progress.tick();
      outcomes[index] = outcomeOf(result, locale);
      if (!streamed) results[index] = result;
      if (options.format === 'jsonl') pending = pending.then(() => write(jsonLine(result, locale)));
      if (!result.ok && showFailuresOnStderr) {
        progress.done();
        say(process.stderr, `vigie: ${failureLine(locale, result)}`);
      }
    },
  );
  await pending;
  progress.done();

  if (!streamed) await write(render(results, options, useColour(out ? {} : process.stdout, process.env), targets.length === 1));
  await out?.close();
  if (options.summary) {
    try {
      await writeFile(options.summary, summaryCsv(outcomes));
    } catch (error) {
      say(process.stderr, `vigie: ${translate(locale, 'cli.output.unwritable', { file: options.summary, detail: String((error as NodeJS.ErrnoException).code ?? error) })}`);
      return EXIT.usage;
    }
  }
  return exitCodeFor(outcomes, options.failOn);
}

// A reader that goes away (`vigie scan … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Every socket and timer is closed by then; this only guards against a handle left behind.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (error: unknown) => {
    say(process.stderr, `vigie: ${String((error as Error)?.stack ?? error).slice(0, 2000)}`);
    process.exitCode = EXIT.internal;
  },
);
