/**
 * The items of an adaptive section in a sitting's analysis (issue 23). A CAT gives each candidate
 * the items that suit their ability, so an item's facility says more about who was given it than
 * about the item, and its item-total correlation compares totals over different tests: classical
 * figures are not applicable. What is reported per item instead: how often it was given (exposure
 * count and rate among the candidates who reached the section) and the mean ability (θ, the
 * result's estimate) of the candidates given it, with its spread.
 */

export interface AdaptiveAnalysisItem {
  ref: string;
  /** The adaptive section the item is in the pool of. */
  section: string;
}

export interface AdaptiveAnalysisCandidate {
  /** The section's ability estimate (θ) in the candidate's result. */
  theta: number;
  /** Refs of the items the candidate was given. */
  given: string[];
}

export interface AdaptiveItemStatistics {
  item: string;
  section: string;
  /** Candidates given the item. */
  exposure: number;
  /** exposure ÷ candidates of the section. */
  exposureRate: number;
  /** Mean θ of the candidates given the item; null when nobody was. */
  meanTheta: number | null;
  /** Standard deviation of those θ (population form); null below two candidates. */
  sdTheta: number | null;
  /** Facility, discrimination, alpha-if-deleted and their flags do not apply to an adaptive item. */
  classical: 'not_applicable';
}

export interface AdaptiveSectionAnalysis {
  section: string;
  /** Candidates with an ability in the section (the denominator of the exposure rates). */
  candidates: number;
  /** Mean items given per candidate. */
  meanLength: number;
  /** The largest exposure rate of any item. */
  maxExposureRate: number;
  items: AdaptiveItemStatistics[];
}

/** Exposure and mean θ of every pool item that was given, section by section. */
export function analyseAdaptiveItems(
  items: AdaptiveAnalysisItem[],
  candidates: AdaptiveAnalysisCandidate[],
): AdaptiveSectionAnalysis[] {
  const sections = [...new Set(items.map((i) => i.section))];
  return sections.map((section) => {
    const mine = items.filter((i) => i.section === section);
    const refs = new Set(mine.map((i) => i.ref));
    const sitters = candidates.filter((c) => c.given.some((r) => refs.has(r)));
    const n = sitters.length;
    const stats = mine.map((item): AdaptiveItemStatistics => {
      const thetas = sitters.filter((c) => c.given.includes(item.ref)).map((c) => c.theta);
      const mean = thetas.length ? thetas.reduce((a, b) => a + b, 0) / thetas.length : null;
      const sd =
        mean !== null && thetas.length >= 2
          ? Math.sqrt(thetas.reduce((s, t) => s + (t - mean) ** 2, 0) / thetas.length)
          : null;
      return {
        item: item.ref,
        section,
        exposure: thetas.length,
        exposureRate: n ? thetas.length / n : 0,
        meanTheta: mean,
        sdTheta: sd,
        classical: 'not_applicable',
      };
    });
    const given = sitters.reduce((s, c) => s + c.given.filter((r) => refs.has(r)).length, 0);
    return {
      section,
      candidates: n,
      meanLength: n ? given / n : 0,
      maxExposureRate: Math.max(0, ...stats.map((s) => s.exposureRate)),
      items: stats,
    };
  });
}
