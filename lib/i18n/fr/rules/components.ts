import type { SameKeys } from '../../catalogue';
import type { components as en } from '../../en/rules/components';

export const components: SameKeys<typeof en> = {
  'rule.components.version-exposed.title': '{library} {version} est visible de tous les visiteurs',
  'rule.components.version-exposed.explain': 'La page publie la version exacte de {library} qu\'elle utilise ({version}). N\'importe qui peut la comparer à la liste des failles connues de cette bibliothèque ; une version ancienne devient alors une cible facile.',
  'rule.components.version-exposed.fix': 'Maintenir {library} à sa dernière version supportée et vérifier le site après chaque mise à jour ; afficher une version à jour est sans danger.',
};
