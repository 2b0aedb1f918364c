import { headerValue } from '../evidence/schema';
import { ev } from './evidence-labels';
import { defineRules } from './types';

export const headerRules = defineRules([
  {
    id: 'headers.xcto-missing',
    family: 'headers',
    severity: 'medium',
    priority: 'P2',
    dimension: 'security',
    checklistPoint: 'A5',
    requires: ['headers'],
    check: (evidence) => {
      const value = headerValue(evidence.headers, 'x-content-type-options');
      if (value !== null && value.trim().toLowerCase() === 'nosniff') return [];
      return [{ evidence: [value === null ? ev.headerAbsent('X-Content-Type-Options') : ev.header('X-Content-Type-Options', value)] }];
    },
  },
]);
