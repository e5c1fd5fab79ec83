/**
 * The Vietnamese school year (năm học) a date falls in: it opens in September and closes at the
 * end of May, so a sitting from September 2026 to May 2027 belongs to "2026-2027". June to
 * August (the graduation exam, re-sits) still belong to the year that just closed.
 */
export interface SchoolYear {
  /** "2026-2027" */
  label: string;
  /** The year it opens (2026). */
  startYear: number;
  /** The year it closes (2027), which OneRoster's `schoolYear` column carries. */
  endYear: number;
  /** ISO dates of the first and the last day. */
  startDate: string;
  endDate: string;
}

/** Vietnam is UTC+7 all year (no summer time): the local calendar date decides the year. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function schoolYearOf(at: Date): SchoolYear {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const startYear = local.getUTCMonth() >= 8 ? year : year - 1; // getUTCMonth: 8 is September
  const endYear = startYear + 1;
  return {
    label: `${startYear}-${endYear}`,
    startYear,
    endYear,
    startDate: `${startYear}-09-01`,
    endDate: `${endYear}-05-31`,
  };
}
