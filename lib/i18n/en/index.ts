import { ui } from './ui';
import { rules } from './rules';
import { checklist } from './checklist';

export const en = { ...ui, ...rules, ...checklist };
export type MessageKey = keyof typeof en;
