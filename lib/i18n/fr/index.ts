import type { en } from '../en';
import { ui } from './ui';
import { rules } from './rules';
import { checklist } from './checklist';

/** Typed against the English catalogue: a key missing in French fails the type check. */
export const fr: Record<keyof typeof en, string> = { ...ui, ...rules, ...checklist };
