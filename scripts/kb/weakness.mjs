/**
 * Classifies an advisory into one of the weakness classes our FR and EN summaries are written
 * from (scripts/kb/types.d.ts WeaknessKey; wording in lib/i18n/{en,fr}/kb.ts). Upstream titles are
 * read only to pick the class: they are never kept in the knowledge base.
 *
 *   weaknessOf({ cwes: ['79'] })                                   // 'xss'
 *   weaknessOf({ text: 'Authenticated SQL Injection via id' })    // 'sqli'
 *
 * The CWE wins when it maps to a class; otherwise the text is matched, most specific class first.
 */

/** CWE number → class. Only CWEs that name one class unambiguously. */
const BY_CWE = {
  79: 'xss', 80: 'xss', 83: 'xss', 87: 'xss',
  89: 'sqli', 564: 'sqli',
  352: 'csrf',
  78: 'command-injection', 77: 'command-injection',
  94: 'code-injection', 95: 'code-injection', 96: 'code-injection',
  502: 'deserialization',
  434: 'file-upload',
  22: 'path-traversal', 23: 'path-traversal', 24: 'path-traversal', 35: 'path-traversal', 36: 'path-traversal',
  98: 'lfi',
  918: 'ssrf',
  601: 'open-redirect',
  287: 'auth-bypass', 288: 'auth-bypass', 290: 'auth-bypass', 294: 'auth-bypass', 306: 'auth-bypass', 307: 'auth-bypass', 640: 'auth-bypass',
  862: 'missing-authorization', 425: 'missing-authorization',
  269: 'privilege-escalation', 266: 'privilege-escalation', 250: 'privilege-escalation',
  200: 'info-disclosure', 201: 'info-disclosure', 209: 'info-disclosure', 212: 'info-disclosure', 359: 'info-disclosure',
  497: 'info-disclosure', 532: 'info-disclosure', 538: 'info-disclosure', 552: 'info-disclosure', 524: 'info-disclosure', 525: 'info-disclosure',
  400: 'dos', 404: 'dos', 770: 'dos', 674: 'dos', 835: 'dos', 476: 'dos', 617: 'dos', 401: 'dos', 772: 'dos', 834: 'dos',
  444: 'request-smuggling',
  113: 'response-splitting', 93: 'response-splitting',
  119: 'memory-corruption', 120: 'memory-corruption', 121: 'memory-corruption', 122: 'memory-corruption', 125: 'memory-corruption',
  787: 'memory-corruption', 416: 'memory-corruption', 415: 'memory-corruption', 190: 'memory-corruption', 191: 'memory-corruption',
  131: 'memory-corruption', 193: 'memory-corruption', 843: 'memory-corruption', 824: 'memory-corruption', 908: 'memory-corruption',
  1321: 'prototype-pollution', 915: 'prototype-pollution',
  1333: 'redos',
  611: 'xxe', 776: 'xxe',
  284: 'access-control', 285: 'access-control', 639: 'access-control', 863: 'access-control', 732: 'access-control', 942: 'access-control',
  346: 'spoofing', 451: 'spoofing',
  349: 'cache-poisoning',
  73: 'file-read',
};

/** Text patterns, most specific first (an "SQL injection leading to RCE" is an SQL injection). */
const BY_TEXT = [
  ['request-smuggling', /request smuggling|http smuggling/i],
  ['response-splitting', /response splitting|header injection|crlf/i],
  ['prototype-pollution', /prototype pollution/i],
  ['redos', /\bredos\b|regular expression denial|catastrophic backtracking/i],
  ['xxe', /\bxxe\b|xml external entit/i],
  ['sqli', /sql injection|\bsqli\b/i],
  ['xss', /cross[- ]site scripting|\bxss\b/i],
  ['csrf', /cross[- ]site request forgery|\bcsrf\b|\bxsrf\b/i],
  ['object-injection', /(php )?object injection/i],
  ['deserialization', /deserial/i],
  ['command-injection', /command injection|os command|shell injection/i],
  ['code-injection', /code injection|template injection|\bssti\b|eval injection/i],
  ['rce', /remote code execution|\brce\b|arbitrary code execution|code execution/i],
  ['file-upload', /file upload|upload of (arbitrary|dangerous)|arbitrary upload/i],
  ['file-delete', /file deletion|delete arbitrary|arbitrary file delet|folder deletion|directory deletion/i],
  ['lfi', /local file inclusion|remote file inclusion|\blfi\b|\brfi\b|file inclusion/i],
  ['path-traversal', /path traversal|directory traversal|\.\.\//i],
  ['file-read', /arbitrary file (read|download|access)|file read|file download/i],
  ['ssrf', /server[- ]side request forgery|\bssrf\b/i],
  ['open-redirect', /open redirect|unvalidated redirect|url redirect/i],
  ['privilege-escalation', /privilege escalation|elevation of privilege|escalat/i],
  ['auth-bypass', /authentication bypass|bypass authentication|auth bypass|account takeover|login bypass|broken authentication/i],
  ['missing-authorization', /missing authori[sz]ation|missing capability|unauthori[sz]ed|authori[sz]ation bypass|insecure direct object|\bidor\b/i],
  ['access-control', /access control|access bypass|permission|improper authori[sz]ation/i],
  ['info-disclosure', /information (disclosure|exposure|leak)|sensitive (data|information)|disclos|exposure of|data leak/i],
  ['cache-poisoning', /cache poisoning|cache deception/i],
  ['memory-corruption', /buffer overflow|overflow|out[- ]of[- ]bounds|use[- ]after[- ]free|memory corruption|double free|heap/i],
  ['dos', /denial of service|\bdos\b|resource exhaustion|crash|infinite loop|null pointer/i],
  ['spoofing', /spoof/i],
];

/** The class for an advisory from its CWEs (numbers as text) and, failing that, a title or type text. */
export function weaknessOf({ cwes = [], text = '' } = {}) {
  for (const cwe of cwes) {
    const key = BY_CWE[Number(String(cwe).replace(/^CWE-/i, ''))];
    if (key) return key;
  }
  for (const [key, pattern] of BY_TEXT) if (pattern.test(text)) return key;
  return 'other';
}

/** CVSS v3 base score → severity word (FIRST's qualitative scale). */
export function severityOfCvss(score) {
  if (!(score > 0)) return 'info';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}
