import type { en } from '../en';
import { checklist } from './checklist';
import { cli } from './cli';
import { diagnosis } from './diagnosis';
import { exportMessages } from './export-messages';
import { history } from './history';
import { kb } from './kb';
import { options } from './options';
import { proposal } from './proposal';
import { rules } from './rules';
import { score } from './score';
import { ui } from './ui';

/** Typed against the English catalogue: a key missing in French fails the type check. */
export const fr: Record<keyof typeof en, string> = { ...ui, ...rules, ...checklist, ...diagnosis, ...history, ...exportMessages, ...cli, ...options, ...proposal, ...score, ...kb };
