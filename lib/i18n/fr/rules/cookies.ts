import type { SameKeys } from '../../catalogue';
import type { cookies as en } from '../../en/rules/cookies';

export const cookies: SameKeys<typeof en> = {
  'evidence.cookie': 'Cookie (nom et attributs)',
  'evidence.document-cookie': 'Cookie lisible par les scripts de la page',
  'rule.cookies.secure-missing.title': 'Le cookie {cookie} peut circuler sans chiffrement (pas d\'attribut Secure)',
  'rule.cookies.secure-missing.explain': 'Sans l\'attribut Secure, le navigateur envoie aussi ce cookie en simple http://, où n\'importe qui sur le réseau peut le lire. Pour un cookie de connexion ou de session, cela suffit à prendre le contrôle du compte du visiteur.',
  'rule.cookies.secure-missing.fix': 'Ajouter l\'attribut Secure là où le cookie est créé (réglage du framework ou du serveur), et garder HSTS actif.',
  'rule.cookies.httponly-missing.title': 'Le cookie de session {cookie} est lisible par les scripts (pas d\'attribut HttpOnly)',
  'rule.cookies.httponly-missing.explain': 'Sans HttpOnly, n\'importe quel script de la page peut lire ce cookie. Si un attaquant injecte un script, il peut le voler et se connecter à la place du visiteur.',
  'rule.cookies.httponly-missing.fix': 'Ajouter l\'attribut HttpOnly à {cookie} (en PHP : session.cookie_httponly = 1 ; la plupart des frameworks ont un réglage).',
  'rule.cookies.samesite-missing.title': 'Le cookie {cookie} n\'a pas d\'attribut SameSite',
  'rule.cookies.samesite-missing.explain': 'SameSite demande au navigateur de ne pas envoyer le cookie avec les requêtes lancées par d\'autres sites, ce qui bloque la falsification de requêtes intersites. Les navigateurs appliquent désormais Lax par défaut, mais pas tous, et s\'y fier est fragile pour les cookies de session et anti-CSRF.',
  'rule.cookies.samesite-missing.fix': 'Définir SameSite=Lax (ou Strict) sur {cookie}.',
  'rule.cookies.samesite-invalid.title': 'Le cookie {cookie} a un réglage SameSite inutilisable',
  'rule.cookies.samesite-invalid.explain': 'SameSite doit valoir Strict, Lax ou None, et None n\'est accepté qu\'avec l\'attribut Secure. Sinon, les navigateurs ignorent l\'attribut ou refusent le cookie.',
  'rule.cookies.samesite-invalid.fix': 'Utiliser SameSite=Lax ou Strict ; ne garder None que pour les cookies qui doivent fonctionner dans d\'autres sites, et ajouter alors Secure.',
  'rule.cookies.prefix-invalid.title': 'Le cookie {cookie} ne respecte pas les règles de son préfixe {prefix}',
  'rule.cookies.prefix-invalid.explain': 'Le préfixe {prefix} promet que le cookie est Secure (et, pour __Host-, lié à cet hôte précis avec le chemin /). Les navigateurs refusent un cookie qui ne tient pas cette promesse : la fonction qui s\'en sert peut échouer.',
  'rule.cookies.prefix-invalid.fix': 'Créer {cookie} avec Secure, et pour __Host- aussi Path=/ sans attribut Domain.',
  'rule.cookies.session-readable-by-scripts.title': 'Le cookie de session {cookie} est lisible par les scripts',
  'rule.cookies.session-readable-by-scripts.explain': 'Les scripts de la page peuvent lire le cookie {cookie} : il n\'a donc pas l\'attribut HttpOnly. Un script injecté pourrait le voler et prendre le contrôle de la session du visiteur.',
  'rule.cookies.session-readable-by-scripts.fix': 'Ajouter l\'attribut HttpOnly à {cookie} là où il est créé. Accorder la permission facultative « cookies » pour vérifier ses autres attributs.',
};
