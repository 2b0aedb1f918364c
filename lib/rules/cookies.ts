import { defineRules } from './types';

export const cookiesRules = defineRules([]);
