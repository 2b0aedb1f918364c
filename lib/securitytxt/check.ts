/**
 * Checks a fetched security.txt against RFC 9116: found at all, Contact present and a URI,
 * exactly one Expires in the future, served as text/plain, signed or not.
 */
import type { SecurityTxtEvidence } from '../evidence/schema';
import { fieldValues, parseSecurityTxt, type ParsedSecurityTxt } from './parse';

export type SecurityTxtProblem =
  | 'no-contact'
  | 'contact-not-uri'
  | 'contact-insecure-web'
  | 'no-expires'
  | 'multiple-expires'
  | 'bad-expires'
  | 'expired'
  | 'wrong-content-type'
  | 'wrong-charset'
  | 'invalid-lines'
  | 'signature-malformed'
  | 'multiple-preferred-languages'
  | 'not-https';

export type SecurityTxtWarning = 'expires-far' | 'canonical-mismatch' | 'truncated';

export type SecurityTxtCheck =
  | { found: false; status: number; contentType: string; reason: 'not-found' | 'not-a-text-file' }
  | {
      found: true;
      parsed: ParsedSecurityTxt;
      contacts: string[];
      expires?: Date;
      problems: SecurityTxtProblem[];
      warnings: SecurityTxtWarning[];
    };

// RFC 3339 date-time, as RFC 9116 §2.5.5 requires.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const URI_SCHEME = /^[a-z][a-z0-9+.-]{0,31}:/i;
const YEAR_MS = 366 * 24 * 3600 * 1000;

function looksLikeHtml(body: string): boolean {
  return /^\s*<(?:!doctype|html|head|body|\?xml)\b/i.test(body.slice(0, 512));
}

function mediaType(contentType: string): { type: string; charset?: string } {
  const [type = '', ...params] = contentType.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]{1,40})"?\s*$/i.exec(p)?.[1]).find(Boolean);
  return { type: type.trim().toLowerCase(), ...(charset ? { charset: charset.toLowerCase() } : {}) };
}

export function checkSecurityTxt(evidence: SecurityTxtEvidence, now: Date): SecurityTxtCheck {
  const { status, contentType, body } = evidence;
  if (status < 200 || status > 299 || body.trim() === '') return { found: false, status, contentType, reason: 'not-found' };
  const parsed = parseSecurityTxt(body);
  const media = mediaType(contentType);
  // Many sites answer every path with their home page: a web page is not a security.txt.
  if (parsed.fields.length === 0 || (media.type === 'text/html' && looksLikeHtml(body) && fieldValues(parsed, 'contact').length === 0)) {
    return { found: false, status, contentType, reason: 'not-a-text-file' };
  }

  const problems: SecurityTxtProblem[] = [];
  const warnings: SecurityTxtWarning[] = [];
  const contacts = fieldValues(parsed, 'contact');
  if (contacts.length === 0) problems.push('no-contact');
  if (contacts.some((c) => !URI_SCHEME.test(c))) problems.push('contact-not-uri');
  if (contacts.some((c) => /^http:\/\//i.test(c))) problems.push('contact-insecure-web');

  const expiresValues = fieldValues(parsed, 'expires');
  let expires: Date | undefined;
  if (expiresValues.length === 0) problems.push('no-expires');
  if (expiresValues.length > 1) problems.push('multiple-expires');
  if (expiresValues.length > 0) {
    const raw = expiresValues[0]!;
    const time = RFC3339.test(raw) ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(time)) problems.push('bad-expires');
    else {
      expires = new Date(time);
      if (time <= now.getTime()) problems.push('expired');
      else if (time - now.getTime() > YEAR_MS) warnings.push('expires-far');
    }
  }
  if (fieldValues(parsed, 'preferred-languages').length > 1) problems.push('multiple-preferred-languages');
  if (media.type !== 'text/plain') problems.push('wrong-content-type');
  else if (media.charset && media.charset !== 'utf-8' && media.charset !== 'utf8') problems.push('wrong-charset');
  if (parsed.invalidLineCount > 0) problems.push('invalid-lines');
  if (parsed.signatureMalformed) problems.push('signature-malformed');
  // RFC 9116 §3: the file must be retrieved over https.
  if (/^http:\/\//i.test(evidence.url)) problems.push('not-https');

  const canonical = fieldValues(parsed, 'canonical');
  if (canonical.length > 0 && !canonical.includes(evidence.url)) warnings.push('canonical-mismatch');
  if (parsed.truncated) warnings.push('truncated');
  return { found: true, parsed, contacts, ...(expires ? { expires } : {}), problems, warnings };
}
