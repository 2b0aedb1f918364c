import type { SameKeys } from '../../catalogue';
import type { transport as en } from '../../en/rules/transport';

export const transport: SameKeys<typeof en> = {
  'rule.transport.https-missing.title': 'La page n\'est pas servie en HTTPS',
  'rule.transport.https-missing.explain': 'Sans HTTPS, n\'importe qui sur le réseau du visiteur (Wi-Fi public, fournisseur d\'accès) peut lire et modifier ce que la page envoie et reçoit : mots de passe, formulaires, la page elle-même. Les navigateurs signalent ces sites comme « Non sécurisé ».',
  'rule.transport.https-missing.fix': 'Installer un certificat TLS (gratuit avec Let\'s Encrypt), servir le site en https:// et rediriger chaque adresse http:// vers lui par une redirection permanente (301).',
  'rule.transport.hsts-missing.title': 'HSTS n\'est pas activé (Strict-Transport-Security)',
  'rule.transport.hsts-missing.explain': 'Sans HSTS, un visiteur qui tape l\'adresse ou suit un ancien lien http:// fait une première requête non protégée, qu\'un attaquant sur le réseau peut intercepter pour le maintenir sur une copie non chiffrée du site.',
  'rule.transport.hsts-missing.fix': 'Une fois tout le site fonctionnel en HTTPS, envoyer « Strict-Transport-Security: max-age=31536000; includeSubDomains » sur chaque réponse HTTPS.',
};
