/**
 * `--checklist answers.json`: manual checklist answers brought into the diagnosis. Accepted, in
 * the formats of lib/diagnosis/answers.ts and of the extension's backup:
 *   - answers alone (`{ "A1": { "status": "ok", "origin": "user" } }`): used for every site;
 *   - one domain's record (`{ "domain", "answers", "updatedAt" }`): used for that domain only;
 *   - a list of such records, or a whole backup file (`{ "format": "vigie-backup", "checklists": [...] }`).
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { ChecklistAnswers, DomainChecklist } from '../lib/diagnosis/answers';

export const CHECKLIST_MAX_BYTES = 20_000_000;

export class ChecklistError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number>) {
    super(key);
  }
}

export type AnswersFor = (domain: string) => ChecklistAnswers | undefined;

const ManyDomains = z.array(DomainChecklist).max(100_000);
const BackupLike = z.object({ checklists: ManyDomains });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);
}

function byDomain(records: readonly DomainChecklist[]): AnswersFor {
  const map = new Map(records.map((r) => [r.domain.toLowerCase().replace(/^www\./, ''), r.answers]));
  return (domain) => map.get(domain);
}

/** Turns parsed JSON into a lookup by domain, or says what is wrong with it. */
export function answersFromJson(json: unknown, file: string): AnswersFor {
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (Array.isArray(json)) {
    const many = ManyDomains.safeParse(json);
    if (many.success) return byDomain(many.data);
    throw new ChecklistError('cli.checklist.invalid', { file, detail: describeIssues(many.error) });
  }
  if (isObject && 'checklists' in json) {
    const backup = BackupLike.safeParse(json);
    if (backup.success) return byDomain(backup.data.checklists);
    throw new ChecklistError('cli.checklist.invalid', { file, detail: describeIssues(backup.error) });
  }
  if (isObject && 'answers' in json) {
    const one = DomainChecklist.safeParse(json);
    if (one.success) return byDomain([one.data]);
    throw new ChecklistError('cli.checklist.invalid', { file, detail: describeIssues(one.error) });
  }
  const plain = ChecklistAnswers.safeParse(json);
  if (plain.success) return () => plain.data;
  throw new ChecklistError('cli.checklist.invalid', { file, detail: describeIssues(plain.error) });
}

export async function loadChecklist(file: string): Promise<AnswersFor> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > CHECKLIST_MAX_BYTES) throw new ChecklistError('cli.checklist.too-large', { file, max: CHECKLIST_MAX_BYTES });
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ChecklistError) throw error;
    throw new ChecklistError('cli.checklist.unreadable', { file, detail: String((error as NodeJS.ErrnoException).code ?? (error as Error).message).slice(0, 200) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ChecklistError('cli.checklist.not-json', { file, detail: String((error as Error).message).slice(0, 200) });
  }
  return answersFromJson(json, file);
}
