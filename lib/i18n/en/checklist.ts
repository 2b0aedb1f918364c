export const checklist = {
  'signal.reason.point-ko': 'Checklist point {point} is answered KO',
  'signal.reason.point-unknown': 'Checklist point {point} is not answered yet',
  'signal.reason.finding': 'Scan finding {finding}',
  'tier.reason.serious-findings': '{count} critical or high findings need regular attention',
  'tier.reason.default': 'No serious finding: a basic maintenance contract covers the site',
} as const;
