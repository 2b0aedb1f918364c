import { defineRules } from './types';

export const mixedContentRules = defineRules([]);
