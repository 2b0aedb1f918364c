import type { SameKeys } from '../../catalogue';
import type { mixedContent as en } from '../../en/rules/mixed-content';

export const mixedContent: SameKeys<typeof en> = {
  'rule.mixed-content.active.title': 'La page sécurisée demande des scripts, styles ou cadres en http:// non chiffré ({count})',
  'rule.mixed-content.active.explain': 'Cette page https:// fait appel à du code, des styles, des cadres ou des requêtes de données à des adresses http://. Chrome, Edge et Firefox actuels refusent de les charger : ce qui en dépend ne fonctionne pas pour les visiteurs (un menu, un formulaire de paiement, une carte…). Là où un navigateur ancien ou mal réglé les charge, une personne sur le même réseau (un Wi-Fi public par exemple) peut les modifier et prendre la main sur la page.',
  'rule.mixed-content.active.fix': 'Passer ces adresses en https:// (après avoir vérifié que l\'autre serveur les propose en https) ou héberger les fichiers sur le site lui-même. En attendant, la directive Content-Security-Policy « upgrade-insecure-requests » fait demander automatiquement les adresses en https://.',
  'rule.mixed-content.passive.title': 'La page sécurisée affiche des images ou médias venant d\'adresses http:// non chiffrées ({count})',
  'rule.mixed-content.passive.explain': 'Des images, vidéos ou sons de cette page https:// sont appelés avec des adresses http://. Chrome, Edge et Firefox actuels les redemandent discrètement en https:// ; si l\'autre serveur ne propose pas https, l\'élément manque sur la page. Quand l\'un d\'eux est chargé en http:// simple, n\'importe qui sur le réseau peut le voir ou le remplacer, et le navigateur n\'affiche plus la page comme entièrement sécurisée.',
  'rule.mixed-content.passive.fix': 'Passer ces adresses en https:// ou servir les fichiers depuis le site. La directive Content-Security-Policy « upgrade-insecure-requests » sert de filet de sécurité pendant la correction.',
  'rule.mixed-content.form-insecure.title': 'Un formulaire de la page sécurisée envoie ses données en http:// non chiffré ({count})',
  'rule.mixed-content.form-insecure.explain': 'Le formulaire est affiché sur une page https:// mais envoie vers une adresse http:// : ce que saisissent les visiteurs (identifiants, adresse, message) circule en clair et peut être lu ou modifié en chemin. Les navigateurs actuels préviennent le visiteur avant l\'envoi, ce qui donne aussi au formulaire l\'air cassé ou dangereux.',
  'rule.mixed-content.form-insecure.fix': 'Faire pointer l\'action du formulaire vers l\'adresse https:// du même traitement (après avoir vérifié que le serveur destinataire accepte https).',
  'rule.mixed-content.upgraded-by-policy.title': 'Des adresses http:// non chiffrées sont corrigées par la politique upgrade-insecure-requests du site ({count})',
  'rule.mixed-content.upgraded-by-policy.explain': 'La page fait encore appel à quelques adresses http://, mais sa Content-Security-Policy demande aux navigateurs de les charger en https:// à la place. Les visiteurs équipés d\'un navigateur récent sont protégés ; ces adresses restent un piège pour les outils et courriels qui les reprennent, et un élément disparaît si son serveur cesse de proposer https.',
  'rule.mixed-content.upgraded-by-policy.fix': 'Garder upgrade-insecure-requests et passer les adresses restantes en https:// dans les gabarits et contenus à la prochaine occasion.',
  'evidence.mixed.loaded-http': 'Chargé en http:// simple (le navigateur ne l\'a pas bloqué)',
  'evidence.mixed.loaded-https': 'Demandé en http://, chargé en https:// (corrigé par le navigateur)',
  'evidence.mixed.upgraded-by-policy': 'Demandé en http://, chargé en https:// grâce à upgrade-insecure-requests',
  'evidence.mixed.blocked-expected': 'Demandé en http:// par la page ; Chrome, Edge et Firefox le bloquent, il ne fonctionne donc pas',
  'evidence.mixed.upgrade-expected': 'Demandé en http:// par la page ; Chrome, Edge et Firefox essaient https:// à la place et n\'affichent rien en cas d\'échec',
  'evidence.mixed.form-http': 'Le formulaire envoie ses données à',
  'evidence.mixed.form-upgraded': 'Formulaire vers http://, passé en https:// par upgrade-insecure-requests (même site)',
  'evidence.mixed.more': 'Autres adresses non chiffrées non listées',
  'evidence.mixed.uir-set': 'upgrade-insecure-requests est défini dans',
  'evidence.mixed.uir-absent': 'Absent des en-têtes comme des balises meta',
  'evidence.mixed.uir-headers-unknown': 'En-têtes de réponse non mesurés : on ignore si upgrade-insecure-requests est envoyé en en-tête',
};
