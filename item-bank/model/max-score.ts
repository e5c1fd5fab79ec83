/**
 * The most an item scores by itself, from its model alone:
 *
 * 1. MAXSCORE's default value, where the item declares one (QTI's own way to say it);
 * 2. else SCORE's normalMaximum;
 * 3. else what its response processing can reach: 1 for match_correct; for map_response (and
 *    map_response_point) the best a response can map to, within the mapping's bounds. A response
 *    of single cardinality matches one entry, so its best is the largest entry (or the default
 *    for unmapped answers), not the sum of the entries; a multiple or ordered response can
 *    collect each positive entry once. The upper bound caps both. Inline processing is read the
 *    same way where every assignment to SCORE is a constant, a mapResponse or a sum of them;
 * 4. else unknown (`declaredMaxScore` gives undefined; `itemMaxScore` says 1). grading's
 *    `maxScoreOf` then asks the item itself: what its correct response scores.
 */
import type {
  AreaMapping,
  Declaration,
  Mapping,
  ProcessingNode,
  ResponseDeclaration,
  ResponseProcessing,
} from './declarations.ts';

type ItemForMax = { declarations: Declaration[]; responseProcessing?: ResponseProcessing };

const clamp = (n: number, lo?: number, hi?: number) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, n));

/** The best a value can map to: one entry for a single response, each positive entry once otherwise. */
function mappingMax(
  m: Pick<Mapping | AreaMapping, 'defaultValue' | 'lowerBound' | 'upperBound'> & {
    entries: Array<{ mappedValue: number }>;
  },
  cardinality: string,
): number {
  const values = m.entries.map((e) => e.mappedValue);
  const best =
    cardinality === 'single'
      ? Math.max(0, m.defaultValue, ...values)
      : values.reduce((sum, v) => sum + Math.max(0, v), 0) + Math.max(0, m.defaultValue);
  return clamp(best, m.lowerBound, m.upperBound);
}

function responseMax(item: ItemForMax, identifier: string, point: boolean): number | undefined {
  const d = item.declarations.find(
    (x): x is ResponseDeclaration => x.kind === 'response' && x.identifier === identifier,
  );
  if (!d) return undefined;
  const m = point ? d.areaMapping : d.mapping;
  return m ? mappingMax(m, d.cardinality) : undefined;
}

/** The largest value an expression can take, where it is plain enough to tell; undefined otherwise. */
function expressionMax(item: ItemForMax, e: ProcessingNode): number | undefined {
  switch (e.name) {
    case 'baseValue': {
      const n = Number(e.text);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'mapResponse':
      return responseMax(item, e.attributes.identifier ?? '', false);
    case 'mapResponsePoint':
      return responseMax(item, e.attributes.identifier ?? '', true);
    case 'sum': {
      let total = 0;
      for (const c of e.children) {
        const v = expressionMax(item, c);
        if (v === undefined) return undefined;
        total += Math.max(0, v);
      }
      return total;
    }
    default:
      return undefined;
  }
}

/** Every expression assigned to SCORE anywhere in the rules. */
function scoreAssignments(rules: ProcessingNode[], out: ProcessingNode[] = []): ProcessingNode[] {
  for (const r of rules) {
    if (r.name === 'setOutcomeValue' && r.attributes.identifier === 'SCORE' && r.children[0])
      out.push(r.children[0]);
    else scoreAssignments(r.children, out);
  }
  return out;
}

function processingMax(item: ItemForMax): number | undefined {
  const rp = item.responseProcessing;
  if (!rp) return undefined;
  switch (rp.template) {
    case 'match_correct':
      return 1;
    case 'map_response':
      return responseMax(item, 'RESPONSE', false);
    case 'map_response_point':
      return responseMax(item, 'RESPONSE', true);
  }
  const assigned = scoreAssignments(rp.rules);
  if (!assigned.length) return undefined;
  let best = 0;
  for (const e of assigned) {
    const v = expressionMax(item, e);
    if (v === undefined) return undefined;
    best = Math.max(best, v);
  }
  return best > 0 ? best : undefined;
}

/** The item's maximum as its model states it (rules 1-3 above); undefined when it does not. */
export function declaredMaxScore(item: ItemForMax): number | undefined {
  const outcomes = item.declarations.filter((d) => d.kind === 'outcome');
  const max = Number(outcomes.find((d) => d.identifier === 'MAXSCORE')?.defaultValue?.[0]?.text);
  if (Number.isFinite(max) && max > 0) return max;
  const score = outcomes.find((d) => d.identifier === 'SCORE');
  if (score?.normalMaximum && score.normalMaximum > 0) return score.normalMaximum;
  return processingMax(item);
}

/** The item's maximum from its model alone: `declaredMaxScore`, else 1. */
export function itemMaxScore(item: ItemForMax): number {
  return declaredMaxScore(item) ?? 1;
}
