export { parseSecurityTxt, fieldValues, SECURITY_TXT_MAX_CHARS, type ParsedSecurityTxt, type SecurityTxtField } from './parse';
export { checkSecurityTxt, type SecurityTxtCheck, type SecurityTxtProblem, type SecurityTxtWarning } from './check';
