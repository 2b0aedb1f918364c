import type { SameKeys } from '../../catalogue';
import type { waf as en } from '../../en/rules/waf';

export const waf: SameKeys<typeof en> = {
  'rule.waf.detected.title': 'Indice : un service de filtrage {vendor} semble protéger le site',
  'rule.waf.detected.explain': 'Les réponses du site portent un en-tête ou un cookie que {vendor} documente pour son pare-feu ou sa protection contre les robots. C\'est un indice, pas une preuve : il montre que le service est sur le chemin, pas quelles protections sont activées ni leur sévérité. Vigie lit seulement ce que le navigateur a déjà reçu et n\'envoie jamais d\'attaque de test.',
  'rule.waf.detected.fix': 'Rien à corriger. Faire confirmer par l\'hébergeur ou l\'agence les règles actives, qui reçoit les alertes, et que le serveur d\'origine n\'est pas joignable directement en contournant le service.',
  'rule.waf.cdn-detected.title': 'Indice : le site semble distribué par {vendor}',
  'rule.waf.cdn-detected.explain': 'Les réponses du site portent un en-tête ou un cookie que {vendor} ajoute quand il distribue un site depuis son réseau. Ces réseaux proposent en général du filtrage (règles de pare-feu, protection contre les afflux de requêtes), mais on ne peut pas voir de l\'extérieur s\'il est activé. C\'est un indice, pas une preuve.',
  'rule.waf.cdn-detected.fix': 'Vérifier dans le compte {vendor} que le pare-feu et la protection contre les attaques sont activés pour ce site, et que le serveur d\'origine n\'accepte que le trafic passant par {vendor}.',
  'rule.waf.load-balancer-detected.title': 'Indice : un répartiteur de charge {vendor} semble placé devant le site',
  'rule.waf.load-balancer-detected.explain': 'Les réponses du site portent un cookie ou un en-tête que {vendor} pose quand il répartit les visiteurs entre plusieurs serveurs. Ce type d\'équipement peut héberger un pare-feu applicatif, mais rien de visible n\'indique qu\'il est actif. C\'est un indice, pas une preuve.',
  'rule.waf.load-balancer-detected.fix': 'Demander à l\'hébergeur si un module de pare-feu est activé sur cet équipement, ou placer un service de filtrage devant le site.',
  'rule.waf.none-detected.title': 'Aucun pare-feu ni service de filtrage visible devant le site',
  'rule.waf.none-detected.explain': 'Aucun des en-têtes et cookies qu\'ajoutent les fournisseurs courants de pare-feu, de CDN et de répartition de charge n\'a été vu. Certaines protections ne laissent aucune trace visible (pare-feu intégré au serveur, offre discrète de l\'hébergeur) : le site est peut-être protégé malgré tout ; mais si rien ne filtre le trafic, les attaques et les afflux de requêtes atteignent directement l\'application.',
  'rule.waf.none-detected.fix': 'Demander à l\'hébergeur ce qui filtre le trafic avant le site. Si rien ne le fait, envisager un pare-feu applicatif ou un CDN avec filtrage, et noter la réponse dans la checklist (point A5).',
  'evidence.waf.cookie': 'Cookie typique de ce fournisseur',
  'evidence.waf.signature-source': 'Documentation du fournisseur pour cette signature',
  'evidence.waf.none': 'En-têtes de réponse examinés, aucun d\'un fournisseur connu',
  'evidence.waf.cookies-unknown': 'Cookies non mesurés : les signatures de cookies n\'ont pas pu être vérifiées',
};
