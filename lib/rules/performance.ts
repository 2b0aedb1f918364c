import { defineRules } from './types';

export const performanceRules = defineRules([]);
