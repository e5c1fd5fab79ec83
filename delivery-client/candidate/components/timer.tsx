/** Time left, from the server's deadline (corrected for this device's clock offset). */
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';

export function Timer({
  deadline,
  pausedRemainingMs,
}: {
  deadline: number | null;
  pausedRemainingMs: number | null;
}) {
  const { t } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const remaining = pausedRemainingMs ?? (deadline === null ? null : Math.max(0, deadline - now));
  if (remaining === null) return null;
  const total = Math.ceil(remaining / 1000);
  const text = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return (
    <div
      className={`timer${remaining < 5 * 60_000 ? ' low' : ''}`}
      role="timer"
      aria-label={t('exam.timeLeft')}
    >
      <span className="sr-only">{t('exam.timeLeft')}: </span>
      {text}
    </div>
  );
}
