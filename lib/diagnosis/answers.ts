/** Checklist answers of one domain, as stored, backed up and passed to the CLI (`--checklist`). */
import { z } from 'zod';
import { PointId, PointStatus } from '../audit/schema';

export const ChecklistAnswer = z.object({
  status: PointStatus,
  origin: z.enum(['accepted', 'user']),
  note: z.string().max(4000).optional(),
  confirmedAt: z.string().max(64).optional(),
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

export const ChecklistAnswers = z.partialRecord(PointId, ChecklistAnswer);
export type ChecklistAnswers = z.infer<typeof ChecklistAnswers>;

export const DomainChecklist = z.object({
  domain: z.string().max(253),
  answers: ChecklistAnswers,
  updatedAt: z.string().max(64),
});
export type DomainChecklist = z.infer<typeof DomainChecklist>;
