import { describe, expect, it } from 'vitest';
import { evidence, WEAK_HEADERS } from '../fixtures/headers/build';
import { run, subjects } from './run';

describe('disclosure rules', () => {
  it('version-header: one finding per header carrying a version, subject = lowercased name', () => {
    const hits = run('disclosure.version-header', evidence({ headers: WEAK_HEADERS }))!;
    expect(hits.map((h) => [h.subject, h.params?.version])).toEqual([['server', '2.4.41'], ['x-powered-by', '7.4.3']]);
  });
  it('version-header ignores names without a version and odd casing of the header name', () => {
    expect(subjects('disclosure.version-header', evidence({ headers: [['SERVER', 'nginx'], ['x-aspnet-version', '4.0.30319']] }))).toEqual(['x-aspnet-version']);
  });
  it('technology-header reports advertising headers without a version, not Server', () => {
    expect(subjects('disclosure.technology-header', evidence({ headers: [['Server', 'cloudflare'], ['X-Powered-By', 'Express'], ['X-Generator', 'Drupal 10 (https://www.drupal.org)'], ['X-AspNetMvc-Version', '5.2']] })))
      .toEqual(['x-powered-by', 'x-generator']);
  });
});
