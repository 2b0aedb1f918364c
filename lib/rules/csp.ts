import { defineRules } from './types';

export const cspRules = defineRules([]);
