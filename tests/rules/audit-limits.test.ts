/** Hostile, maximal header values must still give an Audit that satisfies its schema. */
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../lib/audit/build';
import { Audit } from '../../lib/audit/schema';
import { cookie, evidence } from '../fixtures/headers/build';
import { repoKb } from '../support/kb';

const longUrl = `https://shop.example.fr/${'a'.repeat(3900)}`;
const longValue = (prefix: string) => `${prefix}${'x'.repeat(16_384 - prefix.length)}`;

describe('header findings on hostile input', () => {
  it('stay within the Audit limits in both languages', () => {
    const e = evidence({
      url: longUrl,
      headers: [
        ['Content-Security-Policy', longValue("script-src 'unsafe-inline' *; img-src ")],
        ['Strict-Transport-Security', longValue('max-age=5; ')],
        ['Referrer-Policy', longValue('unsafe-url, ')],
        ['Permissions-Policy', longValue('camera=*, a')],
        ['Cross-Origin-Opener-Policy', longValue('x')],
        ['X-Powered-By', longValue('PHP/8.1.2 ')],
        ['Access-Control-Allow-Origin', longValue('https://')],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      page: {
        scripts: Array.from({ length: 50 }, (_, i) => ({ src: `https://cdn${i}.example.com/${'s'.repeat(3000)}.js` })),
        documentCookieNames: ['x'.repeat(250) + 'sess'],
        metaHttpEquiv: [{ name: 'Content-Security-Policy', content: longValue("frame-ancestors 'none'; report-uri /r; ") }],
      },
      cookies: { source: 'set-cookie', items: [cookie(`${'n'.repeat(250)}sess`, { secure: false, httpOnly: false, sameSite: 'none' })], setCookieHeaders: [`__Host-sid=1; SameSite=Bogus; ${'p'.repeat(8000)}`] },
      httpVariant: { url: longUrl.replace('https:', 'http:'), outcome: 'no-redirect', finalUrl: longUrl.replace('https:', 'http:'), hops: [] },
    });
    for (const locale of ['en', 'fr'] as const) {
      const audit = buildAudit({ id: '7a1c7f0e-3d2b-4c55-9a8e-0b6f1d2e3c4a', evidence: e, notMeasured: [], startedAt: new Date('2026-11-28T10:00:00Z'), durationMs: 1, platform: { name: 'node', version: '20' }, locale, kb: repoKb() });
      expect(() => Audit.parse(audit)).not.toThrow();
      expect(audit.findings.length).toBeGreaterThan(10);
    }
  });
});
