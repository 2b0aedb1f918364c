export const disclosure = {
  'rule.disclosure.version-header.title': 'The {header} header discloses a software version ({version})',
  'rule.disclosure.version-header.explain': 'The header "{header}: {value}" tells every visitor which software and which exact version runs the site. An attacker can look up the known flaws of that version without any effort; hiding it does not fix flaws, but it stops advertising them.',
  'rule.disclosure.version-header.fix': 'Remove the version from {header} (nginx: server_tokens off; Apache: ServerTokens Prod and ServerSignature Off; PHP: expose_php = Off; ASP.NET: enableVersionHeader="false"), and keep the software up to date.',
  'rule.disclosure.technology-header.title': 'The {header} header advertises the site\'s technology',
  'rule.disclosure.technology-header.explain': 'The header "{header}: {value}" serves no purpose for visitors; it only tells automated scanners what to attack first.',
  'rule.disclosure.technology-header.fix': 'Remove {header} in the server or application settings (for example "Header unset {header}" in Apache, or "fastcgi_hide_header {header};" / "proxy_hide_header {header};" in nginx).',
} as const;
