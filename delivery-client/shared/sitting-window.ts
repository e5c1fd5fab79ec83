/**
 * A sitting's window as staff read it, in the sitting's time zone (Vietnam unless it says otherwise):
 * "06/12/2026 14:09 – 14:19" on one day, and both dates when it closes on another day.
 */
export function sittingWindow(
  opensAt: string | Date,
  closesAt: string | Date,
  lang: 'vi' | 'en',
  timeZone = 'Asia/Ho_Chi_Minh',
): string {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const opens = new Date(opensAt);
  const closes = new Date(closesAt);
  const from = `${day.format(opens)} ${time.format(opens)}`;
  const sameDay = day.format(opens) === day.format(closes);
  return `${from} – ${sameDay ? '' : `${day.format(closes)} `}${time.format(closes)}`;
}
