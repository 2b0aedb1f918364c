/**
 * The pieces every form of Vigie is built from (components/forms.css lays them out): a field with
 * its label above, a hint under the label and its error under the control, all tied to the control
 * with aria-describedby and aria-invalid; a number box that keeps exactly what was typed; the
 * summary shown when a save is refused; and the wording of a zod issue for people, with the bounds
 * read from the schema itself so a message never disagrees with what is checked.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { z } from 'zod';
import type { Translator } from '../../lib/i18n';
import { useT } from '../i18n';

type T = Translator['t'];
type Path = readonly PropertyKey[];

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** What a problem in a form is: the control's id, the field's name and the message. */
export interface FieldProblem {
  id: string;
  label: string;
  message: string;
}

/** The attributes that tie a control to its hint and error. */
export function ariaFor(id: string, { hint, error, extra }: { hint?: unknown; error?: string | null; extra?: string } = {}) {
  const ids = [hint ? hintId(id) : '', extra ?? '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  return { id, 'aria-describedby': ids || undefined, 'aria-invalid': error ? ('true' as const) : undefined };
}

/** The error under a control: an icon (forms.css), a word for screen readers and the message. */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p class="field-error" id={errorId(id)}>
      <span class="visually-hidden">{t('form.error.label')} </span>
      {error}
    </p>
  );
}

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null;
  /** `short` for numbers and times, `medium` for names; full width (up to a readable measure) otherwise. */
  size?: 'short' | 'medium';
  children: ComponentChildren;
}

/** A label above its control, the hint under the label, the error under the control. */
export function Field({ id, label, hint, error, size, children }: FieldProps) {
  return (
    <div class={`field${size ? ` field-${size}` : ''}${error ? ' field-invalid' : ''}`} data-field={id}>
      <label class="field-label" for={id}>{label}</label>
      {hint && <p class="field-hint" id={hintId(id)}>{hint}</p>}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A number as typed: "1,5" and "1.5" are both one and a half; anything else is not a number (NaN). */
export function parseNumber(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

const sameNumber = (a: number | null, b: number | null) => a === b || (Number.isNaN(a) && Number.isNaN(b));

export interface NumberInputProps {
  id: string;
  name: string;
  value: number | null;
  /** Called with the number typed, NaN when the text is not a number, null when empty and `nullable`. */
  onValue: (n: number) => void;
  nullable?: boolean;
  integer?: boolean;
  describedBy?: ReturnType<typeof ariaFor>;
  'aria-labelledby'?: string;
  'aria-label'?: string;
}

/**
 * A text box for a number (inputmode brings the number keyboard): unlike `type=number`, what was
 * typed stays exactly as typed, even when it is not a number, so the error can say what is wrong and
 * nothing is lost. The text follows the value only when the value changes from outside (a reset).
 */
export function NumberInput({ id, name, value, onValue, nullable, integer, describedBy, ...aria }: NumberInputProps) {
  const [text, setText] = useState(() => (value === null || Number.isNaN(value) ? '' : String(value)));
  useEffect(() => {
    const typed = text.trim() === '' && nullable ? null : parseNumber(text);
    if (!sameNumber(typed, value)) setText(value === null || Number.isNaN(value) ? '' : String(value));
  }, [value]);
  return (
    <input
      {...describedBy}
      {...aria}
      id={id}
      name={name}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellcheck={false}
      value={text}
      onInput={(e) => {
        const next = (e.currentTarget as HTMLInputElement).value;
        setText(next);
        onValue(next.trim() === '' && nullable ? (null as unknown as number) : parseNumber(next));
      }}
    />
  );
}

export const counterId = (id: string) => `${id}-count`;

/**
 * How long a text is against its limit, under the control (tie it with `ariaFor(..., { extra:
 * counterId(id) })`). It is not a live region: it would speak at every key; the error says when
 * the text is too long.
 */
export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useT();
  return (
    <p class={`field-hint field-counter${length > max ? ' field-counter-over' : ''}`} id={counterId(id)}>
      {t('form.counter', { length, max })}
    </p>
  );
}

/** Moves the focus to a field named in the summary (its control, or the first control of a group). */
export function focusField(id: string) {
  const el = document.getElementById(id);
  const target = el && (el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button'));
  target?.focus();
}

/**
 * Shown when a save is refused: how many fields to fix and a link to each, with its message. It takes
 * the focus on each refused save so a keyboard or screen reader user lands on it; it then follows
 * the fixes and disappears with the last one.
 */
export function ErrorSummary({ id, problems, attempt, testId }: { id: string; problems: readonly FieldProblem[]; attempt: number; testId?: string }) {
  const { tn } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const count = problems.length;
  // Each refused save (a new attempt) brings the focus back to the summary.
  useEffect(() => {
    if (count) ref.current?.focus();
  }, [attempt]);
  if (!count) return null;
  return (
    <div class="form-summary" id={id} role="group" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref} data-testid={testId}>
      <p class="form-summary-title" id={`${id}-title`}>{tn('form.summary', count)}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.id}>
            <a
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(p.id);
              }}
            >
              {p.label}
            </a>
            {' — '}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Which fields have been left (focus moved out) and whether a save was tried: an error is shown
 * from then on, and follows what is typed; never while a field is first being filled in.
 */
export function useShownErrors() {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const onFocusOut = (e: FocusEvent) => {
    const field = (e.target as HTMLElement | null)?.closest?.('[data-field]')?.getAttribute('data-field');
    if (!field) return;
    const next = e.relatedTarget as HTMLElement | null;
    // Going to a button (Save): an error appearing now would move the button away from under the
    // pointer and the click would be lost; the save itself shows every error.
    if (next?.closest?.('button')) return;
    const mark = () => setLeft((prev) => (prev.has(field) ? prev : new Set([...prev, field])));
    // Focus going nowhere (a click on the page, or on a button that takes no focus, as in Safari):
    // the same, so wait until the click is over.
    if (next) mark();
    else setTimeout(mark, 300);
  };
  return {
    onFocusOut,
    /** How many saves were tried since the last successful one (0: none). */
    attempt,
    /** A save was tried: every error is shown from now on. */
    tried: () => setAttempt((a) => a + 1),
    shown: (id: string) => attempt > 0 || left.has(id),
    reset: () => {
      setLeft(new Set());
      setAttempt(0);
    },
  };
}

// zod schemas, walked to find the schema of one field (for its bounds).
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema at `path` inside `root`, through objects, records, arrays and wrappers. */
export function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const key of path) {
    if (!s) return undefined;
    const def = defOf(s);
    const next: z.ZodType | undefined =
      def.type === 'object' ? def.shape?.[String(key)] : def.type === 'record' ? def.valueType : def.type === 'array' ? def.element : undefined;
    s = next && unwrap(next);
  }
  return s;
}

function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return s;
    s = inner;
  }
  return s;
}

/** The bounds of a number schema, or null when it is not one. */
export function numberBounds(s: z.ZodType | undefined): { min: number; max: number; integer: boolean } | null {
  const n = s as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean } | undefined;
  if (!s || defOf(s).type !== 'number') return null;
  return { min: n?.minValue ?? Number.MIN_SAFE_INTEGER, max: n?.maxValue ?? Number.MAX_SAFE_INTEGER, integer: !!n?.isInt };
}

/** The most characters a string schema takes, or null when it is not one or has no bound. */
export function maxLengthOf(s: z.ZodType | undefined): number | null {
  if (!s || defOf(s).type !== 'string') return null;
  return (s as unknown as { maxLength?: number | null }).maxLength ?? null;
}

/** The value at `path` inside `input`. */
export function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** A zod issue in words, with the bounds of the field's own schema (numbers) or of the issue (texts). */
export function issueMessage(t: T, tn: Translator['tn'], issue: z.core.$ZodIssue, root: z.ZodType, input: unknown): string {
  const bounds = numberBounds(schemaAt(root, issue.path));
  if (bounds) return t(bounds.integer ? 'form.number.whole' : 'form.number.range', { min: bounds.min, max: bounds.max });
  const value = valueAt(input, issue.path);
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const max = Number(issue.maximum);
    const length = typeof value === 'string' ? value.length : max + 1;
    return tn('form.text.tooLong', Math.max(1, length - max), { length, max });
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return t('form.text.required');
  if (issue.code === 'invalid_value') return t('form.choice.invalid');
  if (issue.code === 'custom' && issue.message === 'control characters') return t('form.text.oneLine');
  return t('form.invalid');
}

/** The problems of a value against a schema, one per field (the first), worded by `word`. */
export function problemsOf<S extends z.ZodType>(
  schema: S,
  input: unknown,
  word: (issue: z.core.$ZodIssue) => { path: Path; message: string } | null,
): Array<{ path: Path; message: string }> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const out: Array<{ path: Path; message: string }> = [];
  for (const issue of parsed.error.issues) {
    const worded = word(issue);
    if (!worded) continue;
    const key = worded.path.map(String).join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(worded);
  }
  return out;
}
