/**
 * Distractor analysis of a choice item: for each option, how many chose it overall and in the
 * upper and lower 27% groups, and the point-biserial of "chose this option" with the total score.
 * A working distractor draws some candidates, more from the lower group, and correlates negatively.
 */
import { correlation } from './classical.ts';

export interface OptionStatistics {
  option: string;
  key: boolean;
  count: number;
  proportion: number;
  upper: number;
  lower: number;
  pointBiserial: number;
  /** Why this option needs a look, if it does. */
  problem?: 'never_chosen' | 'key_chosen_less_by_upper' | 'distractor_attracts_upper';
}

export interface DistractorInput {
  options: string[];
  /** The correct option(s). */
  key: string[];
  /** Chosen option(s) per candidate; null when not presented. */
  choices: (string | string[] | null)[];
  totals: number[];
}

export function distractorAnalysis(input: DistractorInput, groupFraction = 0.27): OptionStatistics[] {
  const presented = input.choices
    .map((c, i) => ({ c, total: input.totals[i]! }))
    .filter((x): x is { c: string | string[]; total: number } => x.c !== null);
  const n = presented.length;
  const order = [...presented].sort((a, b) => a.total - b.total);
  const size = Math.max(1, Math.round(n * groupFraction));
  const lower = order.slice(0, size);
  const upper = order.slice(-size);
  const chose = (c: string | string[], o: string) => (Array.isArray(c) ? c.includes(o) : c === o);
  const options = [
    ...input.options,
    ...(presented.some((x) => (Array.isArray(x.c) ? x.c.length === 0 : x.c === '')) ? [''] : []),
  ];
  return options.map((option) => {
    const key = input.key.includes(option);
    const picked = presented.map((x) =>
      (option === '' ? (Array.isArray(x.c) ? x.c.length === 0 : x.c === '') : chose(x.c, option)) ? 1 : 0,
    );
    const count = picked.reduce<number>((s, v) => s + v, 0);
    const share = (group: typeof lower) =>
      group.length
        ? group.filter((x) =>
            option === '' ? x.c === '' || (Array.isArray(x.c) && !x.c.length) : chose(x.c, option),
          ).length / group.length
        : 0;
    const stats: OptionStatistics = {
      option: option === '' ? '(omitted)' : option,
      key,
      count,
      proportion: n ? count / n : 0,
      upper: share(upper),
      lower: share(lower),
      pointBiserial: correlation(
        picked,
        presented.map((x) => x.total),
      ),
    };
    if (option !== '') {
      if (!key && count === 0) stats.problem = 'never_chosen';
      else if (key && stats.upper < stats.lower) stats.problem = 'key_chosen_less_by_upper';
      else if (!key && stats.upper > stats.lower && stats.pointBiserial > 0)
        stats.problem = 'distractor_attracts_upper';
    }
    return stats;
  });
}
