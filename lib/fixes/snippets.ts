/**
 * Ready-to-paste server configuration for a response header: nginx, Apache (.htaccess) and the plain
 * header line. Names and values are checked and quoted so that nothing from a page can break out of
 * the configuration line.
 */
export interface Snippets {
  nginx: string;
  apache: string;
  /** The header as it should appear in the response ("Name: value"), for any other server or host panel. */
  generic: string;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/;

export function safeHeaderName(name: string): string {
  if (!TOKEN.test(name)) throw new Error('Not a header name');
  return name;
}

/** One line, printable ASCII, no double quote or backslash left unescaped. */
export function safeHeaderValue(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 4096);
}

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function setHeaderSnippets(name: string, value: string): Snippets {
  const header = safeHeaderName(name);
  const v = safeHeaderValue(value);
  return {
    nginx: `add_header ${header} ${quoted(v)} always;`,
    apache: `<IfModule mod_headers.c>\n  Header always set ${header} ${quoted(v)}\n</IfModule>`,
    generic: `${header}: ${v}`,
  };
}

export function removeHeaderSnippets(name: string): Snippets {
  const header = safeHeaderName(name);
  const nginx = header.toLowerCase() === 'server'
    ? 'server_tokens off;'
    : `proxy_hide_header ${header};\nfastcgi_hide_header ${header};`;
  const apache = header.toLowerCase() === 'server'
    ? 'ServerTokens Prod\nServerSignature Off'
    : `<IfModule mod_headers.c>\n  Header always unset ${header}\n  Header unset ${header}\n</IfModule>`;
  return { nginx, apache, generic: `${header}` };
}

/** Several headers at once: one line per header in each form. */
export function combine(list: Snippets[]): Snippets {
  return {
    nginx: list.map((s) => s.nginx).join('\n'),
    apache: list.map((s) => s.apache).join('\n'),
    generic: list.map((s) => s.generic).join('\n'),
  };
}

/** http:// → https:// permanent redirect for the whole host. */
export function httpsRedirectSnippets(host: string): Snippets {
  const safeHost = /^[a-z0-9.-]{1,253}$/i.test(host) ? host.toLowerCase() : 'example.com';
  return {
    nginx: `server {\n  listen 80;\n  listen [::]:80;\n  server_name ${safeHost};\n  return 301 https://$host$request_uri;\n}`,
    apache: `RewriteEngine On\nRewriteCond %{HTTPS} off\nRewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]`,
    generic: `HTTP/1.1 301 Moved Permanently\nLocation: https://${safeHost}/`,
  };
}

/** Adds the missing cookie flags to every cookie the server sets. */
export function cookieFlagSnippets(): Snippets {
  return {
    nginx: 'proxy_cookie_flags ~ secure httponly samesite=lax;',
    apache: '<IfModule mod_headers.c>\n  Header always edit Set-Cookie "^((?!.*;\\s*HttpOnly).*)$" "$1; HttpOnly"\n  Header always edit Set-Cookie "^((?!.*;\\s*Secure).*)$" "$1; Secure"\n  Header always edit Set-Cookie "^((?!.*;\\s*SameSite).*)$" "$1; SameSite=Lax"\n</IfModule>',
    generic: 'Set-Cookie: <name>=<value>; Path=/; Secure; HttpOnly; SameSite=Lax',
  };
}
