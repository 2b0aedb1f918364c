import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSecurityTxt, fieldValues, parseSecurityTxt, SECURITY_TXT_MAX_CHARS } from '../../lib/securitytxt';
import { SECURITY_TXT } from '../fixtures/hints/sites';

const NOW = new Date('2026-11-28T10:12:00Z');
const check = (body: string, contentType = 'text/plain; charset=utf-8', status = 200, url = 'https://www.example.org/.well-known/security.txt') =>
  checkSecurityTxt({ url, status, contentType, body }, NOW);

describe('parseSecurityTxt', () => {
  it('reads every field of a complete file, names lower-cased, comments skipped', () => {
    const parsed = parseSecurityTxt(SECURITY_TXT.full);
    expect(parsed.fields.map((f) => f.name)).toEqual(['contact', 'contact', 'expires', 'encryption', 'acknowledgments', 'preferred-languages', 'canonical', 'policy', 'hiring']);
    expect(fieldValues(parsed, 'contact')).toEqual(['mailto:security@example.org', 'https://example.org/security/report']);
    expect(parsed.fields[2]).toEqual({ name: 'expires', value: '2027-05-31T22:00:00Z', line: 4 });
    expect(parsed.signed).toBe(false);
    expect(parsed.invalidLineCount).toBe(0);
  });

  it('reads a file with CRLF or CR line ends and a byte order mark the same way', () => {
    const lf = parseSecurityTxt(SECURITY_TXT.full);
    expect(parseSecurityTxt(SECURITY_TXT.full.replace(/\n/g, '\r\n')).fields).toEqual(lf.fields);
    expect(parseSecurityTxt(SECURITY_TXT.full.replace(/\n/g, '\r')).fields).toEqual(lf.fields);
    expect(parseSecurityTxt(`\uFEFF${SECURITY_TXT.full}`).fields).toEqual(lf.fields);
  });

  it('recognises an OpenPGP cleartext signature and reads the signed content only', () => {
    const parsed = parseSecurityTxt(SECURITY_TXT.signed);
    expect(parsed.signed).toBe(true);
    expect(parsed.signatureHash).toBe('SHA256');
    expect(parsed.signatureMalformed).toBe(false);
    // Dash-escaped lines are read unescaped; nothing of the signature block is read as a field.
    expect(parsed.fields.map((f) => f.name)).toEqual(['contact', 'expires', 'contact', 'preferred-languages']);
    expect(fieldValues(parsed, 'contact')).toEqual(['mailto:security@example.org', 'https://example.org/security/report']);
    expect(parsed.invalidLineCount).toBe(0);
  });

  it('notes a signed file whose signature block is missing', () => {
    const cut = SECURITY_TXT.signed.slice(0, SECURITY_TXT.signed.indexOf('-----BEGIN PGP SIGNATURE-----'));
    const parsed = parseSecurityTxt(cut);
    expect(parsed.signed).toBe(true);
    expect(parsed.signatureMalformed).toBe(true);
    expect(fieldValues(parsed, 'contact')).toEqual(['mailto:security@example.org', 'https://example.org/security/report']);
  });

  it('counts lines that are neither fields nor comments', () => {
    const parsed = parseSecurityTxt('Contact: mailto:a@example.org\nplease write to us\nExpires: 2027-01-01T00:00:00Z\n: no name\n');
    expect(parsed.invalidLineCount).toBe(2);
    expect(parsed.invalidLines).toEqual([2, 4]);
  });

  it('bounds a huge input: only the first 32 KiB are read, fields and values capped', () => {
    const huge = `Contact: mailto:a@example.org\n${'Policy: https://example.org/p\n'.repeat(100_000)}`;
    const parsed = parseSecurityTxt(huge);
    expect(parsed.truncated).toBe(true);
    expect(parsed.fields.length).toBeLessThanOrEqual(200);
    const longValue = parseSecurityTxt(`Contact: mailto:${'a'.repeat(20_000)}@example.org`);
    expect(longValue.fields[0]!.value.length).toBeLessThanOrEqual(2048);
    expect(parseSecurityTxt('x'.repeat(SECURITY_TXT_MAX_CHARS + 1)).truncated).toBe(true);
  });

  it('never throws and stays bounded, whatever the text (property)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('-----BEGIN PGP SIGNED MESSAGE-----', '-----BEGIN PGP SIGNATURE-----', '-----END PGP SIGNATURE-----', 'Hash: SHA512', '', '- ', '#', 'Contact:', 'Expires: 2027-01-01T00:00:00Z', '\uFEFF'),
      fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })).map(([n, v]) => `${n}: ${v}`),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(fc.property(fc.array(fc.tuple(line, eol), { maxLength: 60 }), (parts) => {
      const text = parts.map(([l, e]) => l + e).join('');
      const parsed = parseSecurityTxt(text);
      expect(parsed.fields.length).toBeLessThanOrEqual(200);
      expect(parsed.invalidLines.length).toBeLessThanOrEqual(10);
      for (const f of parsed.fields) {
        expect(f.name).toBe(f.name.toLowerCase());
        expect(f.name).not.toContain(':');
      }
      const result = check(text);
      if (result.found) expect(result.problems.every((p) => typeof p === 'string')).toBe(true);
    }), { numRuns: 400 });
  });

  it('never throws on arbitrary evidence values (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 999 }), (body, contentType, status) => {
      expect(() => check(body, contentType, status)).not.toThrow();
    }), { numRuns: 300 });
  });
});

describe('checkSecurityTxt (RFC 9116)', () => {
  it('accepts a minimal valid file and a complete one', () => {
    for (const body of [SECURITY_TXT.minimal, SECURITY_TXT.full]) {
      const result = check(body);
      expect(result.found).toBe(true);
      if (result.found) expect(result.problems).toEqual([]);
    }
  });

  it('accepts a signed file and says it is signed', () => {
    const result = check(SECURITY_TXT.signed);
    expect(result.found && result.problems).toEqual([]);
    expect(result.found && result.parsed.signed).toBe(true);
  });

  it('treats 404, an empty body and an HTML page as no file', () => {
    expect(check('', 'text/html', 404)).toMatchObject({ found: false, reason: 'not-found' });
    expect(check('   \n', 'text/plain', 200)).toMatchObject({ found: false, reason: 'not-found' });
    expect(check(SECURITY_TXT.htmlSoft404, 'text/html; charset=utf-8')).toMatchObject({ found: false, reason: 'not-a-text-file' });
    expect(check('Just some words, no fields at all.')).toMatchObject({ found: false, reason: 'not-a-text-file' });
  });

  it('reports each rule the file breaks', () => {
    const problems = (body: string, contentType?: string) => {
      const r = check(body, contentType);
      return r.found ? r.problems : ['not found'];
    };
    expect(problems(SECURITY_TXT.expired)).toEqual(['expired']);
    expect(problems(SECURITY_TXT.noContact)).toEqual(['no-contact']);
    expect(problems(SECURITY_TXT.twoExpires)).toEqual(['multiple-expires']);
    expect(problems(SECURITY_TXT.oldStyle)).toEqual(['contact-not-uri', 'no-expires']);
    expect(problems('Contact: http://example.org/security\nExpires: 2027-01-01T00:00:00Z')).toEqual(['contact-insecure-web']);
    expect(problems('Contact: mailto:a@example.org\nExpires: 1 January 2027')).toEqual(['bad-expires']);
    expect(problems('Contact: mailto:a@example.org\nExpires: 2027-02-30T00:00:00')).toEqual(['bad-expires']);
    expect(problems(SECURITY_TXT.minimal, 'text/html')).toEqual(['wrong-content-type']);
    expect(problems(SECURITY_TXT.minimal, 'text/plain; charset=iso-8859-1')).toEqual(['wrong-charset']);
    expect(problems(SECURITY_TXT.minimal, 'text/plain')).toEqual([]);
    expect(problems(`${SECURITY_TXT.minimal}Preferred-Languages: en\nPreferred-Languages: fr\n`)).toEqual(['multiple-preferred-languages']);
    const overHttp = check(SECURITY_TXT.minimal, 'text/plain', 200, 'http://www.example.org/.well-known/security.txt');
    expect(overHttp.found && overHttp.problems).toEqual(['not-https']);
  });

  it('compares Expires with the audit date, not the clock', () => {
    const body = 'Contact: mailto:a@example.org\nExpires: 2026-11-28T10:00:00Z\n';
    const before = checkSecurityTxt({ url: 'u', status: 200, contentType: 'text/plain', body }, new Date('2026-11-28T09:59:59Z'));
    const after = checkSecurityTxt({ url: 'u', status: 200, contentType: 'text/plain', body }, new Date('2026-11-28T10:00:00Z'));
    expect(before.found && before.problems).toEqual([]);
    expect(after.found && after.problems).toEqual(['expired']);
  });

  it('warns without failing: Expires more than a year away, a Canonical elsewhere', () => {
    const far = check('Contact: mailto:a@example.org\nExpires: 2029-01-01T00:00:00Z\nCanonical: https://other.example/.well-known/security.txt\n');
    expect(far.found && far.problems).toEqual([]);
    expect(far.found && far.warnings).toEqual(['expires-far', 'canonical-mismatch']);
    const canonicalHere = check(SECURITY_TXT.full, 'text/plain', 200, 'https://www.example.org/.well-known/security.txt');
    expect(canonicalHere.found && canonicalHere.warnings).toEqual([]);
  });
});
