/** Our one-line wording of the weakness classes (CWE) the advisories name, used to summarise them. */
const PHRASES: Record<string, string> = {
  '79': 'Cross-site scripting: crafted input can run script in the page',
  '80': 'Cross-site scripting through unescaped script tags',
  '1321': 'Prototype pollution: crafted objects can change the behaviour of every object',
  '915': 'Prototype pollution through unchecked object attributes',
  '400': 'Denial of service: crafted input can exhaust memory or CPU',
  '1333': 'Denial of service through a regular expression that takes exponential time',
  '770': 'Denial of service: resources are allocated without limit',
  '674': 'Denial of service through unbounded recursion',
  '94': 'Code injection: crafted input can run arbitrary code',
  '77': 'Command injection',
  '918': 'Server-side request forgery: the server can be made to call other addresses',
  '20': 'Improper input validation',
  '22': 'Path traversal: files outside the intended folder can be read',
  '23': 'Path traversal: files outside the intended folder can be read',
  '200': 'Exposure of sensitive information',
  '201': 'Sensitive information sent where it should not be',
  '352': 'Cross-site request forgery',
  '434': 'Unrestricted upload of dangerous files',
  '444': 'HTTP request smuggling',
  '502': 'Deserialisation of untrusted data',
  '601': 'Open redirect to an attacker-chosen site',
  '693': 'A protection mechanism can be bypassed',
  '1104': 'Unmaintained version: security fixes are no longer published',
  '285': 'Improper authorisation',
  '287': 'Improper authentication',
  '288': 'Authentication bypass through another path',
  '863': 'Incorrect authorisation',
  '639': 'Authorisation bypass through a user-controlled key',
  '942': 'Overly permissive cross-origin policy',
  '113': 'HTTP response splitting through unescaped line breaks',
  '74': 'Injection: crafted input changes how output is interpreted',
  '116': 'Improper encoding or escaping of output',
  '843': 'Type confusion',
  '1395': 'Dependency on a vulnerable third-party component',
  '506': 'Embedded malicious code',
  '912': 'Hidden functionality',
  '524': 'Sensitive information stored in a cache',
  '525': 'Sensitive information stored in the browser cache',
  '601,79': 'Open redirect and cross-site scripting',
};

/** A one-line summary for an advisory, from its first known weakness class. */
export function summarise(cwes: readonly string[], component: string): string {
  for (const cwe of cwes) {
    const phrase = Object.prototype.hasOwnProperty.call(PHRASES, cwe) ? PHRASES[cwe] : undefined;
    if (phrase) return `${phrase} (${component}).`;
  }
  return `Security flaw in ${component}${cwes.length ? ` (CWE-${cwes[0]})` : ''}.`;
}
