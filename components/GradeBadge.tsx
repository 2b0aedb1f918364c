import type { Score } from '../lib/audit/schema';
import { useT } from './i18n';

export function GradeBadge({ score }: { score: Score }) {
  const { t } = useT();
  return (
    <div class="grade" data-testid="grade-block">
      <span class={`grade-letter grade-${score.grade[0]}`} data-testid="grade" aria-label={`${t('grade.label')} ${score.grade}`}>
        {score.grade}
      </span>
      <span class="grade-score">
        <span class="muted">{t('score.label')}</span>
        <strong data-testid="score">{t('score.value', { value: score.value })}</strong>
      </span>
    </div>
  );
}
