import { defineRules } from './types';

export const wafRules = defineRules([]);
