import type { SameKeys } from '../catalogue';
import type { checklist as en } from '../en/checklist';

export const checklist: SameKeys<typeof en> = {
  'signal.reason.point-ko': 'Le point {point} de la checklist est KO',
  'signal.reason.point-unknown': 'Le point {point} de la checklist n\'est pas encore renseigné',
  'signal.reason.finding': 'Constat de l\'analyse {finding}',
  'tier.reason.serious-findings': '{count} constats critiques ou élevés demandent un suivi régulier',
  'tier.reason.default': 'Aucun constat grave : un contrat de maintenance de base couvre le site',
};
