import type { SameKeys } from '../../catalogue';
import type { disclosure as en } from '../../en/rules/disclosure';

export const disclosure: SameKeys<typeof en> = {
  'rule.disclosure.version-header.title': 'L\'en-tête {header} révèle une version logicielle ({version})',
  'rule.disclosure.version-header.explain': 'L\'en-tête « {header}: {value} » indique à tout visiteur quel logiciel, et quelle version exacte, fait tourner le site. Un attaquant peut retrouver sans effort les failles connues de cette version ; la masquer ne corrige rien, mais évite de les afficher.',
  'rule.disclosure.version-header.fix': 'Retirer la version de {header} (nginx : server_tokens off ; Apache : ServerTokens Prod et ServerSignature Off ; PHP : expose_php = Off ; ASP.NET : enableVersionHeader="false"), et tenir le logiciel à jour.',
  'rule.disclosure.technology-header.title': 'L\'en-tête {header} affiche la technologie du site',
  'rule.disclosure.technology-header.explain': 'L\'en-tête « {header}: {value} » n\'apporte rien aux visiteurs ; il indique seulement aux outils d\'analyse automatiques quoi attaquer en premier.',
  'rule.disclosure.technology-header.fix': 'Supprimer {header} dans les réglages du serveur ou de l\'application (par exemple « Header unset {header} » sous Apache, ou « fastcgi_hide_header {header}; » / « proxy_hide_header {header}; » sous nginx).',
};
