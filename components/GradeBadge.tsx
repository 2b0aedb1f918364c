import type { Score } from '../lib/audit/schema';
import { useT } from './i18n';

/** The header grade; when the headers could not be read there is no grade to show, only the reason. */
export function GradeBadge({ score, measured = true }: { score: Score; measured?: boolean }) {
  const { t } = useT();
  if (!measured) {
    return (
      <div class="grade" data-testid="grade-block">
        <span class="grade-letter grade-none" data-testid="grade" aria-label={t('grade.notMeasured')}>?</span>
        <span class="grade-score">
          <span class="muted">{t('score.label')}</span>
          <strong data-testid="score">{t('grade.notMeasured')}</strong>
        </span>
      </div>
    );
  }
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
