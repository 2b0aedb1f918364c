import { describe, expect, it } from 'vitest';
import { REDACTED, redactCookieHeader, redactEvidence, redactFinding, redactHeader, redactText, redactUrl, redactValue } from '../../lib/audit/redact';
import { weakSiteEvidence } from '../fixtures/evidence/weak-site';

describe('redaction', () => {
  it('drops query strings and fragments from URLs', () => {
    expect(redactUrl('https://shop.example/cart?session=abc123&x=1')).toBe(`https://shop.example/cart?${REDACTED}`);
    expect(redactUrl('https://shop.example/#access_token=xyz')).toBe(`https://shop.example/#${REDACTED}`);
    expect(redactUrl('https://shop.example/a/b.js')).toBe('https://shop.example/a/b.js');
  });

  it('keeps cookie names and attributes but never values', () => {
    expect(redactCookieHeader('PHPSESSID=9f8e7d6c5b4a; path=/; HttpOnly')).toBe(`PHPSESSID=${REDACTED}; path=/; HttpOnly`);
    const two = redactHeader('Set-Cookie', 'a=1; Path=/, b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT');
    expect(two).not.toMatch(/=1|=2;/);
    expect(two).toContain('Expires=Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('replaces token-like values and secret pairs in free text', () => {
    expect(redactText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')).not.toContain('eyJ');
    expect(redactText('api_key=AKIA1234567890SECRET')).toBe(`api_key=${REDACTED}`);
    expect(redactText('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8')).toBe(REDACTED);
    // Ordinary header values survive.
    expect(redactText('Apache/2.4.29 (Ubuntu)')).toBe('Apache/2.4.29 (Ubuntu)');
    expect(redactText('max-age=31536000; includeSubDomains')).toBe('max-age=31536000; includeSubDomains');
  });

  it('redacts URLs in Location and Link headers', () => {
    expect(redactHeader('Location', 'https://a.example/login?next=/admin&sid=42')).toBe(`https://a.example/login?${REDACTED}`);
  });

  it('redacts a whole evidence object without losing its shape', () => {
    const redacted = redactEvidence(weakSiteEvidence);
    const json = JSON.stringify(redacted);
    expect(json).not.toContain('token=s3cr3t');
    expect(json).not.toContain('9f8e7d6c5b4a');
    expect(redacted.page?.scripts.length).toBe(weakSiteEvidence.page?.scripts.length);
    expect(redacted.headers?.headers.length).toBe(weakSiteEvidence.headers?.headers.length);
  });

  it('redacts finding evidence by kind', () => {
    const finding = redactFinding({
      id: 'x.y', ruleId: 'x.y', family: 'headers', severity: 'low', priority: 'P3', dimension: 'security',
      message: { key: 'k', params: {} }, title: 't',
      evidence: [
        { label: 'evidence.url', value: 'https://a.example/?q=secret' },
        { label: 'evidence.header', value: 'Set-Cookie: sid=abcdef; Secure' },
      ],
    });
    expect(finding.evidence[0]!.value).toBe(`https://a.example/?${REDACTED}`);
    expect(finding.evidence[1]!.value).toBe(`Set-Cookie: sid=${REDACTED}; Secure`);
  });
});

describe('redaction keeps evidence within its bounds', () => {
  it('never lengthens a value past the schema limit', async () => {
    const { Evidence } = await import('../../lib/evidence/schema');
    // "token=1" becomes "token=[redacted]": redaction can lengthen text.
    const head = 'token=1;'.repeat(512);
    expect(redactText(head).length).toBeGreaterThan(4096);
    const evidence = { ...weakSiteEvidence, scriptFiles: { files: [{ url: 'https://a.example/x.js', bytes: 4096, head, matches: [] }] } };
    expect(() => Evidence.parse(redactEvidence(evidence))).not.toThrow();
  });
});

describe('redaction is idempotent', () => {
  it('leaves already redacted URLs as they are', () => {
    const once = redactValue('loaded http://cdn.example/a.js?v=1&token=abc');
    expect(redactValue(once)).toBe(once);
    expect(once).toBe(`loaded http://cdn.example/a.js?${REDACTED}`);
  });
});

describe('knowledge-base advisories are not page content', () => {
  it('keeps an advisory id that looks like a token, and still drops a query string', () => {
    const uuid = 'ff4b47d8-28c1-4706-91d9-0285f419147e';
    const finding = {
      id: 'components.vulnerable-version:wordpress@4.9.8', ruleId: 'components.vulnerable-version', family: 'components' as const,
      severity: 'critical' as const, priority: 'P0' as const, dimension: 'security' as const, message: { key: 'k', params: {} }, title: 't',
      evidence: [
        { label: 'evidence.components.advisory', value: `${uuid} — https://www.wordfence.com/threat-intel/vulnerabilities/id/${uuid}?ref=x` },
        { label: 'evidence.header', value: `X-Debug: ${uuid}` },
      ],
    };
    const [advisory, header] = redactFinding(finding).evidence;
    expect(advisory!.value).toBe(`${uuid} — https://www.wordfence.com/threat-intel/vulnerabilities/id/${uuid}?${REDACTED}`);
    // The same string in a response header is page content: hidden.
    expect(header!.value).toBe(`X-Debug: ${REDACTED}`);
  });
});
