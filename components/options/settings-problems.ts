/**
 * What is wrong with the settings being edited, field by field, in the user's words: the options
 * page checks them against StrictSettings (the schema a save must pass) and shows each problem
 * under its field and in the summary. Ids here are the ids of the controls (`opt-` + the path).
 */
import type { z } from 'zod';
import type { Translator } from '../../lib/i18n';
import { StrictSettings, type Settings, type TierId } from '../../lib/settings/schema';
import { issueMessage, problemsOf, type FieldProblem } from './form';

type Path = readonly PropertyKey[];

/** The id of the control that edits `path` of the settings. */
export const fieldId = (path: Path) => `opt-${path.map(String).join('-')}`;

/** Page order of the sections, so the summary lists problems as the page shows them. */
const ORDER = ['language', 'workingHours', 'priorities', 'cycleDay', 'tiers', 'sla', 'scope'];

export const tierName = (settings: Settings, id: TierId, t: Translator['t']) => settings.tiers[id]?.name || t(`tier.${id}.name`);

/** The field's name as the summary shows it, with its group ("Delay (P1 — major)"). */
export function fieldLabel(path: Path, settings: Settings, t: Translator['t']): string {
  const [section, a, b, c, d] = path.map(String);
  const inGroup = (field: string, ...groups: string[]) => t('form.label.in', { field, group: groups.join(', ') });
  const tier = () => tierName(settings, a as TierId, t);
  switch (section) {
    case 'language':
      return t(`options.language.${a}`);
    case 'priorities':
      return inGroup(t(b === 'amount' ? 'options.priorities.amount' : b === 'unit' ? 'options.priorities.unit' : 'options.priorities.description'), t(`priority.${a}.name`));
    case 'cycleDay':
      return t('options.cycleDay');
    case 'workingHours':
      return a === 'days' ? t('options.hours.days') : a === 'timeZone' ? t('options.hours.timeZone') : inGroup(t(`options.hours.${a === 'end' ? 'end' : 'start'}`), t('options.hours.title'));
    case 'tiers':
      return inGroup(t(`options.tiers.${b}`), tier());
    case 'sla':
      if (b === 'response' || b === 'restore') return inGroup(t(`options.sla.${b}`), tier(), t(`priority.${c}.name`));
      if (b === 'compensation') return inGroup(t(c === 'capPercent' || d === 'capPercent' ? 'options.sla.cap' : 'options.sla.perBreach'), tier());
      return inGroup(t(`options.sla.${b}`), tier());
    case 'scope':
      return a === 'families' ? t(`options.scope.family.${b}`) : t('options.scope.rules.quote');
    default:
      return t('options.title');
  }
}

/** Where an issue belongs on the page and its message; refinements of a group go to the field that fixes them. */
function word(issue: z.core.$ZodIssue, settings: Settings, t: Translator['t'], tn: Translator['tn']): { path: Path; message: string } {
  const path = issue.path;
  const [section, a, b] = path.map(String);
  if (section === 'workingHours') {
    if (path.length === 1) return { path: ['workingHours', 'end'], message: t('options.hours.order', { start: settings.workingHours.start }) };
    if (a === 'days') return { path, message: t('options.hours.days.none') };
    if (a === 'timeZone' && issue.code === 'custom') return { path, message: t('options.hours.timeZone.unknown', { value: settings.workingHours.timeZone }) };
    if ((a === 'start' || a === 'end') && issue.code === 'invalid_format') return { path, message: t('options.hours.time.invalid') };
  }
  if (section === 'sla' && b === 'compensation' && path.length === 3) {
    const c = settings.sla[a as TierId]?.compensation;
    return { path: [...path, 'capPercent'], message: t('options.sla.cap.belowBreach', { value: c?.percentPerBreach ?? 0 }) };
  }
  return { path, message: issueMessage(t, tn, issue, StrictSettings, settings) };
}

/** Every field of `settings` that a save would refuse, in page order, one problem per field. */
export function settingsProblems(settings: Settings, t: Translator['t'], tn: Translator['tn']): FieldProblem[] {
  const worded = problemsOf(StrictSettings, settings, (issue) => word(issue, settings, t, tn));
  const rank = (p: Path) => {
    const i = ORDER.indexOf(String(p[0]));
    return i < 0 ? ORDER.length : i;
  };
  return worded
    .map((w, i) => ({ w, i }))
    .sort((x, y) => rank(x.w.path) - rank(y.w.path) || x.i - y.i)
    .map(({ w }) => ({ id: fieldId(w.path), label: fieldLabel(w.path, settings, t), message: w.message }));
}
