export const transport = {
  'rule.transport.https-missing.title': 'The page is not served over HTTPS',
  'rule.transport.https-missing.explain': 'Without HTTPS, anyone on the visitor\'s network (public Wi-Fi, an internet provider) can read and change what the page sends and receives: passwords, forms, even the page itself. Browsers mark such sites "Not secure".',
  'rule.transport.https-missing.fix': 'Install a TLS certificate (free with Let\'s Encrypt), serve the site over https:// and redirect every http:// address to it with a permanent (301) redirect.',
  'rule.transport.hsts-missing.title': 'HSTS is not enabled (Strict-Transport-Security)',
  'rule.transport.hsts-missing.explain': 'Without HSTS, a visitor who types the address or follows an old http:// link makes a first unprotected request, which an attacker on the network can intercept to keep them on an unencrypted copy of the site.',
  'rule.transport.hsts-missing.fix': 'Once the whole site works over HTTPS, send "Strict-Transport-Security: max-age=31536000; includeSubDomains" on every HTTPS response.',
} as const;
