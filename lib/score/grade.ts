import type { Grade } from '../audit/schema';

/** The MDN HTTP Observatory's grade table: the lowest score of each grade. */
const GRADE_FLOORS: ReadonlyArray<[number, Grade]> = [
  [100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'],
  [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'],
];

export function gradeFor(score: number): Grade {
  for (const [floor, grade] of GRADE_FLOORS) if (score >= floor) return grade;
  return 'F';
}
