import { ev } from './evidence-labels';
import { defineRules } from './types';

/** Libraries whose exact version, readable by any visitor, points an attacker at known advisories. */
const VERSION_EXPOSED_LIBRARIES: Record<string, string> = { jquery: 'jQuery' };

export const componentRules = defineRules([
  {
    id: 'components.version-exposed',
    family: 'components',
    severity: 'low',
    priority: 'P3',
    dimension: 'preventive',
    checklistPoint: 'A1',
    requires: ['globals'],
    check: (evidence) => {
      const seen = new Set<string>();
      return evidence.globals!.libraries.flatMap((lib) => {
        const name = VERSION_EXPOSED_LIBRARIES[lib.library];
        if (!name || seen.has(lib.library)) return [];
        seen.add(lib.library);
        return [{ subject: lib.library, params: { library: name, version: lib.version }, evidence: [ev.global(lib.path, lib.version)] }];
      });
    },
  },
]);
