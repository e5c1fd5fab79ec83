/** The mark of a practice sitting (luyện tập) beside its name: its scores are feedback, not grades. */
import { useT } from '../i18n.tsx';

export function PracticeTag() {
  const { t } = useT();
  return (
    <>
      {' '}
      <span className="tag practice-tag" title={t('board.practiceTag.title')}>
        {t('board.practiceTag')}
      </span>
    </>
  );
}
