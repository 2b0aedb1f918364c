import type { SameKeys } from '../../catalogue';
import type { components as en } from '../../en/rules/components';

export const components: SameKeys<typeof en> = {
  'rule.components.vulnerable-version.title': '{library} {version} a des failles de sécurité connues ({count})',
  'rule.components.vulnerable-version.explain': 'Cette version de {library} figure dans des avis de sécurité publics. Les failles sont documentées : un attaquant sait comment les exploiter sur tout site qui l\'utilise encore. Les avis sont listés ci-dessous, du plus grave au moins grave.',
  'rule.components.vulnerable-version.fix': 'Mettre à jour {library} vers la version {fix} ou plus récente (la première sans ces failles connues), puis vérifier les pages qui l\'utilisent. Si aucune version corrigée n\'existe, remplacer la bibliothèque.',
  'rule.components.eol.title': '{library} {version} ne reçoit plus de correctifs de sécurité',
  'rule.components.eol.explain': 'La branche {cycle} de {library} est en fin de vie (fin du support : {since}) : ses auteurs ne publient plus de correctifs, toute faille découverte désormais restera ouverte.',
  'rule.components.eol.fix': 'Prévoir le passage à une version maintenue de {library} ({fix} ou plus récente) et tester le site avec.',
  'rule.components.behind.title': '{library} {version} a plus de 6 mois de retard ({months} mois)',
  'rule.components.behind.explain': 'Une version plus récente de {library} est disponible depuis le {since}. Plus les mises à jour attendent, plus la migration finale est lourde et risquée, et plus longtemps les failles corrigées restent ouvertes ici.',
  'rule.components.behind.fix': 'Mettre à jour {library} vers la version {fix} et faire des mises à jour une tâche de maintenance régulière.',
  'rule.components.version-exposed.title': '{library} {version} est visible de tous les visiteurs',
  'rule.components.version-exposed.explain': 'N\'importe qui peut lire la version exacte de {library} utilisée par ce site ({version}), dans la page ou l\'adresse de ses fichiers. Comme cette version est ancienne ou a des failles connues, elle indique aux attaquants quelle attaque publiée essayer.',
  'rule.components.version-exposed.fix': 'Mettre à jour {library} vers la version {fix} ou plus récente : afficher une version à jour est sans danger. Pour un CMS, retirer aussi la balise « generator » et la version des adresses des fichiers.',
  'rule.components.compromised-source.title': 'Des scripts sont chargés depuis {host}, une source connue pour diffuser du code malveillant',
  'rule.components.compromised-source.explain': '{host} a été détourné et sert à injecter du code malveillant dans les sites qui y chargent des scripts. Toute page qui l\'inclut encore exécute du code choisi par un tiers.',
  'rule.components.compromised-source.fix': 'Supprimer tous les scripts chargés depuis {host}. Si la fonction reste utile, héberger une copie de confiance sur votre propre serveur ou passer par un fournisseur reconnu, avec l\'intégrité des sous-ressources (SRI).',
  'evidence.components.source': 'Vu dans',
  'evidence.components.advisory': 'Avis de sécurité',
  'evidence.components.end-of-life': 'Fin de vie',
  'evidence.components.update-available': 'Mise à jour disponible',
  'evidence.components.reference': 'Référence',
};
