import type { SameKeys } from '../../catalogue';
import type { headers as en } from '../../en/rules/headers';

export const headers: SameKeys<typeof en> = {
  'rule.headers.xcto-missing.title': 'X-Content-Type-Options: nosniff est absent',
  'rule.headers.xcto-missing.explain': 'Sans cet en-tête, certains navigateurs devinent le type d\'un fichier d\'après son contenu. Un fichier envoyé comme image peut alors être exécuté comme un script, ce qui ouvre la porte à des attaques contre les visiteurs du site.',
  'rule.headers.xcto-missing.fix': 'Envoyer « X-Content-Type-Options: nosniff » sur chaque réponse.',
};
