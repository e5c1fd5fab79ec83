/**
 * Dates as printed on score reports and rosters: dd/mm/yyyy in the sitting's time zone (Vietnam's;
 * sittings carry no zone of their own yet), whatever zone the server runs in. A sitting that opens at
 * 06:30 on 7 December in Hồ Chí Minh City is dated 07/12, although it is still 6 December in UTC.
 */
export const SITTING_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const day = new Intl.DateTimeFormat('vi-VN', {
  timeZone: SITTING_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** dd/mm/yyyy of an instant, in Vietnam time. */
export const vietnamDate = (instant: Date | string) => day.format(new Date(instant));

/** dd/mm/yyyy of a calendar date given as yyyy-mm-dd (a date of birth: no time, no zone). */
export const calendarDate = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('/');
