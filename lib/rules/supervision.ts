import { defineRules } from './types';

export const supervisionRules = defineRules([]);
