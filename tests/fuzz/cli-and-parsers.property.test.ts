/**
 * What a hostile server sends the command-line scanner (headers, cookies, HTML, certificate names)
 * and what the remaining parsers read (versions, security.txt, site names): never a throw, bounded
 * output, time linear in the input. Complements tests/headers/property.test.ts, tests/kb/redos.test.ts
 * and tests/securitytxt/parse.test.ts, which cover the header parsers, banners and parsing itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookiesEvidenceOf, parseSetCookie } from '../../cli/collect/cookies';
import { decodeHtml, isHtmlContentType, snapshotFromHtml } from '../../cli/collect/html';
import { coveredNames, formatName, tlsStateOf } from '../../cli/collect/tls';
import { LIMITS } from '../../lib/evidence/limits';
import { PageSnapshot, SecurityTxtEvidence } from '../../lib/evidence/schema';
import { hostOf, registrableDomain, sameSite } from '../../lib/headers/site';
import { checkSecurityTxt, parseSecurityTxt } from '../../lib/securitytxt';
import { compareVersions, inRange, maxVersion } from '../../lib/version/compare';
import { coreVersion, normaliseVersion, parseVersion } from '../../lib/version/parse';
import { expectLinear, fill, growthOn } from '../support/growth';

const NOW = new Date('2026-11-28T10:00:00Z');
const cookieish = fc.string({ unit: fc.constantFrom(...'a=;, \t"Secure HttpOnly SameSite=None Lax Path=/ Domain=.x Max-Age=-1 Expires=Thu, 01 Jan 1970 00:00:00 GMT\u00e9'.split('')), maxLength: 300 });
const htmlish = fc.string({ unit: fc.constantFrom(...'<>/="\' abcdefghijklmnopqrstuvwxyz-!?&;#\n'.split(''), '<script src=', '<base href=', '<meta name=generator content=', '<title>', '</title>', '<form action=', '<iframe src=', '<!--', '-->', '<![CDATA[', 'javascript:', 'data:'), maxLength: 400 });

describe('CLI collectors on hostile server input (property)', () => {
  it('Set-Cookie parsing never throws, never keeps a value, bounds the name', () => {
    fc.assert(fc.property(fc.oneof(cookieish, fc.string({ maxLength: 300 })), (header) => {
      const item = parseSetCookie(header, new URL('https://shop.example/a/b'), NOW);
      expect(item.name.length).toBeLessThanOrEqual(256);
      const evidence = cookiesEvidenceOf([{ url: 'https://shop.example/', headers: [['set-cookie', header], ['Set-Cookie', header]] }], NOW);
      expect(evidence.items.length).toBeLessThanOrEqual(LIMITS.cookies);
    }), { numRuns: 400 });
  });

  it('HTML snapshots never throw and satisfy the bounded PageSnapshot schema', () => {
    fc.assert(fc.property(htmlish, fc.constantFrom('https://shop.example/', 'http://x.test/a/b?c#d'), (html, url) => {
      const snapshot = snapshotFromHtml(html, url, 'text/html; charset=utf-8');
      expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
      for (const s of snapshot.scripts) expect(s.src).not.toMatch(/^\s*javascript:/i);
    }), { numRuns: 300 });
  });

  it('charset sniffing and content types accept any bytes and any declared charset', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 80 }), (bytes, type) => {
      expect(typeof decodeHtml(Buffer.from(bytes), type)).toBe('string');
      expect(typeof decodeHtml(Buffer.from(`<meta charset="${type}">`), '')).toBe('string');
      isHtmlContentType(type);
    }), { numRuns: 300 });
  });

  it('certificate names never throw and stay bounded', () => {
    const dn = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 50 }), { maxLength: 5 })));
    fc.assert(fc.property(dn, fc.string({ maxLength: 500 }), fc.option(fc.string({ maxLength: 40 })), (name, san, error) => {
      expect(formatName(name).length).toBeLessThanOrEqual(1024);
      expect(Array.isArray(coveredNames({ subjectaltname: san, subject: name as never }))).toBe(true);
      tlsStateOf(error);
    }), { numRuns: 300 });
  });

  it('the HTML snapshot and the cookie parser grow linearly', () => {
    for (const unit of ['<div><span>a</span></div>', '<script src="/a.js"></script>', '<meta name="generator" content="x">', '<<<<', '<!--', '<a href="', '"\'=']) {
      expectLinear(growthOn((n) => fill(unit, n), (html) => snapshotFromHtml(html, 'https://shop.example/', 'text/html'), 20_000), `snapshotFromHtml ${unit}`);
    }
    for (const unit of ['a=b; ', ';', '=', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT; ', ' \t']) {
      expectLinear(growthOn((n) => fill(unit, n), (header) => parseSetCookie(header, new URL('https://shop.example/'), NOW), 20_000), `parseSetCookie ${unit}`);
    }
  });
});

describe('versions, security.txt and site names (property and growth)', () => {
  it('version functions never throw and order consistently', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
      parseVersion(a);
      normaliseVersion(a);
      coreVersion(a);
      const ab = compareVersions(a, b);
      const ba = compareVersions(b, a);
      expect(Math.sign(ab)).toBe(-Math.sign(ba) || 0);
      expect([a, b]).toContain(maxVersion(a, b));
      inRange(a, { from: b, below: a });
      inRange(a, { below: b, excludes: [a, b] });
    }), { numRuns: 500 });
  });

  it('version parsing and comparison grow linearly on long inputs', () => {
    for (const unit of ['1.', '9', '-beta.', '.0', 'a1', '+build.']) {
      expectLinear(growthOn((n) => fill(unit, n), (v) => { parseVersion(v); compareVersions(v, v); }, 10_000), `version ${unit}`);
    }
  });

  it('the security.txt check never throws on arbitrary evidence, and grows linearly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), fc.string({ maxLength: 60 }), fc.integer({ min: 100, max: 599 }), (body, type, status) => {
      const evidence = SecurityTxtEvidence.parse({ url: 'https://shop.example/.well-known/security.txt', status, contentType: type, body });
      checkSecurityTxt(evidence, NOW);
    }), { numRuns: 300 });
    for (const unit of ['Contact: mailto:a@b.c\n', 'Expires: 2027-01-01T00:00:00Z\n', '# comment\n', ':\n', '-----BEGIN PGP SIGNED MESSAGE-----\n', 'x'.repeat(60)]) {
      expectLinear(growthOn((n) => fill(unit, n), (body) => {
        parseSecurityTxt(body);
        checkSecurityTxt({ url: 'https://shop.example/.well-known/security.txt', status: 200, contentType: 'text/plain', body }, NOW);
      }, 4_000), `security.txt ${JSON.stringify(unit.slice(0, 20))}`);
    }
  });

  it('site names never throw on arbitrary hosts and URLs', () => {
    fc.assert(fc.property(fc.oneof(fc.domain(), fc.string({ maxLength: 100 })), fc.oneof(fc.webUrl(), fc.string({ maxLength: 100 })), (host, url) => {
      hostOf(url);
      hostOf(url, 'https://shop.example/');
      expect(typeof registrableDomain(host)).toBe('string');
      expect(sameSite(host, host)).toBe(true);
    }), { numRuns: 400 });
  });
});
