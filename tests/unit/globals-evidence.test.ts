import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evidence, GlobalLibrary, GlobalsEvidence, LIMITS } from '../../lib/evidence/schema';
import { parseVersion } from '../../lib/version/parse';

const lib = (library: string, version: unknown, path = `${library}.version`) => ({ library, version, path });

const REAL = [
  lib('jquery', '3.7.1', 'jQuery.fn.jquery'),
  lib('jquery', '3.4.1 -ajax,-effects', '$.fn.jquery'),
  lib('vue', 'v2.6.14'),
  lib('angularjs', '1.9.0b1'),
  lib('react', '19.0.0-rc.1'),
  lib('moment', '2.29'),
  lib('_', '4.17.21', '_.VERSION'),
  // Presence-only probes read a string that is not a version, by design.
  lib('shopify', 'my-shop.myshopify.com', 'Shopify.shop'),
  lib('drupal', 'fr', 'drupalSettings.path.currentLanguage'),
];

const JUNK = [
  lib('jquery', '<img src=x onerror=alert(1)>'),
  lib('react', ''),
  lib('vue', 'latest'),
  lib('angularjs', '.1.2'),
  lib('moment', ' 2.29.4'),
  lib('d3', 7),
  lib('gsap', 'x'.repeat(10) + '3.12.5'),
  lib('axios', `1.${'0'.repeat(70)}`),
  lib('jquery', 'my-shop.myshopify.com', 'Shopify.shop'),
  { library: 'lodash', version: '4.17.21' },
  lib('x'.repeat(65), '1.0.0'),
  null,
  'jquery 3.7.1',
];

describe('library globals at the boundary', () => {
  it('keeps real versions, and presence probes as they are', () => {
    const parsed = GlobalsEvidence.parse({ libraries: REAL });
    expect(parsed.libraries).toEqual(REAL);
  });

  it('drops each entry that is not a library version, and only it', () => {
    for (const junk of JUNK) {
      const parsed = GlobalsEvidence.safeParse({ libraries: [REAL[0], junk, ...REAL.slice(1)] });
      expect(parsed.success, JSON.stringify(junk)).toBe(true);
      expect(parsed.data?.libraries, JSON.stringify(junk)).toEqual(REAL);
    }
    expect(GlobalsEvidence.parse({ libraries: JUNK }).libraries).toEqual([]);
  });

  it('still refuses what is not a list of libraries, and a list over the bound, whole', () => {
    expect(GlobalsEvidence.safeParse({ libraries: undefined }).success).toBe(false);
    expect(GlobalsEvidence.safeParse({ libraries: 'jquery 3.7.1' }).success).toBe(false);
    expect(GlobalsEvidence.safeParse(null).success).toBe(false);
    const tooMany = Array.from({ length: LIMITS.globals + 1 }, (_, i) => lib('jquery', `3.${i}.0`));
    expect(GlobalsEvidence.safeParse({ libraries: tooMany }).success).toBe(false);
    expect(GlobalsEvidence.safeParse({ libraries: tooMany.slice(0, LIMITS.globals) }).success).toBe(true);
  });

  it('applies wherever evidence is read: one junk global does not make the evidence invalid', () => {
    const evidence = Evidence.parse({ url: 'https://shop.example/', headers: null, page: null, globals: { libraries: [JUNK[0], REAL[0]] } });
    expect(evidence.globals?.libraries).toEqual([REAL[0]]);
  });

  it('every version it keeps (presence probes aside) is one parseVersion reads (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 64 }), fc.stringMatching(/^[vV]?\d{1,4}(\.\d{1,4}){0,4}[ -~]{0,20}$/)), (version) => {
      if (GlobalLibrary.safeParse(lib('jquery', version)).success) expect(parseVersion(version)).not.toBeNull();
    }), { numRuns: 500 });
  });
});
