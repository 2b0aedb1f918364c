/**
 * What a server or language banner says about who built the software: a Linux distribution
 * ("Apache/2.4.29 (Ubuntu)", "PHP/7.2.24-0ubuntu0.18.04.17") patches security flaws without
 * changing the upstream version, so a verdict drawn from that version may be wrong; Windows
 * ("Apache/2.4.41 (Win64)") makes the Windows-only advisories count.
 */
import type { Evidence } from '../evidence/schema';

/** Components whose version is read from banners a distribution may have built. */
export const BANNER_COMPONENTS: ReadonlySet<string> = new Set(['apache', 'nginx', 'openresty', 'php', 'tomcat', 'litespeed', 'caddy', 'iis', 'nodejs']);

const DISTRIBUTIONS: readonly [RegExp, string][] = [
  [/ubuntu/i, 'Ubuntu'],
  [/debian|\+deb\d|~deb\d/i, 'Debian'],
  [/red ?hat|\.el\d|rhel/i, 'Red Hat Enterprise Linux'],
  [/centos/i, 'CentOS'],
  [/fedora|\.fc\d/i, 'Fedora'],
  [/almalinux/i, 'AlmaLinux'],
  [/rocky/i, 'Rocky Linux'],
  [/amazon|amzn/i, 'Amazon Linux'],
  [/suse|sles/i, 'SUSE'],
  [/alpine/i, 'Alpine Linux'],
  [/freebsd/i, 'FreeBSD'],
  [/gentoo/i, 'Gentoo'],
  [/raspbian/i, 'Raspbian'],
];

export interface BannerOrigin {
  distribution?: string;
  windows: boolean;
}

/** The distribution and platform the response's banners name (Server, X-Powered-By). */
export function bannerOrigin(evidence: Evidence): BannerOrigin {
  const banners = (evidence.headers?.headers ?? []).filter(([name]) => /^(server|x-powered-by)$/i.test(name)).map(([, value]) => value.slice(0, 300));
  let distribution: string | undefined;
  for (const banner of banners) {
    for (const [re, name] of DISTRIBUTIONS) {
      if (re.test(banner)) {
        distribution = name;
        break;
      }
    }
    if (distribution) break;
  }
  const windows = banners.some((b) => /\((?:win(?:32|64)|windows)\)|microsoft-iis/i.test(b));
  return { ...(distribution ? { distribution } : {}), windows };
}
