/**
 * `npm run bench -- scoring`: scorings per second on one core for a standard-template item and
 * for the heaviest custom-processing item of the corpus, and the time to score a whole sitting
 * (10,000 candidates x 50 items, the way delivery scores: JSON responses in, JSON outcomes out).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  loadDemoBank,
  parseItemXml,
  type AssessmentItem,
  type ProcessingNode,
} from '../../item-bank/index.ts';
import { compileItem, type CompiledItem } from '../score-item.ts';
import { corpusRoot } from '../test/corpus-root.ts';
import { valueFromJson } from '../values/parse-value.ts';
import type { QtiValue } from '../values/value.ts';

interface Case {
  item: string;
  responses: Record<string, { value: unknown }>;
  xfail?: boolean;
}

const cases = readFileSync(path.join(corpusRoot, 'expected.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Case)
  .filter((c) => !c.xfail);

const load = (rel: string): AssessmentItem =>
  parseItemXml(readFileSync(path.join(corpusRoot, rel), 'utf8'), rel).item!;

const typed = (scorer: CompiledItem, json: Record<string, unknown>) => {
  const out = new Map<string, QtiValue>();
  for (const [id, v] of Object.entries(json)) {
    const d = scorer.declarations.get(id);
    if (d?.kind === 'response') out.set(id, valueFromJson(v, d.baseType, d.cardinality));
  }
  return out;
};

/** Runs `fn` for about `ms` milliseconds (after a warm-up) and returns calls per second. */
function perSecond(fn: (i: number) => void, ms = 1500): number {
  for (let i = 0; i < 20_000; i++) fn(i);
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 5_000; i++) fn(calls + i);
    calls += 5_000;
    now = performance.now();
  }
  return Math.round((calls * 1000) / (now - start));
}

const size = (nodes: ProcessingNode[]): number => nodes.reduce((n, c) => n + 1 + size(c.children), 0);

function heaviestCustomItem(): {
  file: string;
  nodes: number;
  scorer: CompiledItem;
  responses: Map<string, QtiValue>[];
} {
  let best: { file: string; nodes: number } | undefined;
  for (const file of new Set(cases.map((c) => c.item))) {
    const item = load(file);
    const rules = item.responseProcessing?.rules ?? [];
    const nodes = size(rules) + size(item.templateProcessing ?? []) + size(item.outcomeProcessing ?? []);
    if (rules.length && (!best || nodes > best.nodes)) best = { file, nodes };
  }
  const scorer = compileItem(load(best!.file));
  const responses = cases
    .filter((c) => c.item === best!.file)
    .map((c) => typed(scorer, Object.fromEntries(Object.entries(c.responses).map(([k, r]) => [k, r.value]))));
  return { ...best!, scorer, responses };
}

export async function run(): Promise<Record<string, unknown>> {
  // A standard template: the IMS choice item (match_correct).
  const template = compileItem(load('qti-sdk/test/samples/ims/items/2_1/choice.xml'));
  const answers = ['ChoiceA', 'ChoiceB', 'ChoiceC'].map((a) => typed(template, { RESPONSE: a }));
  const templatePerSecond = perSecond((i) => template.score(answers[i % 3]!));
  console.log(`template item (match_correct): ${templatePerSecond.toLocaleString('en')} scorings/s`);

  const heavy = heaviestCustomItem();
  const heavyPerSecond = perSecond((i) => heavy.scorer.score(heavy.responses[i % heavy.responses.length]!));
  console.log(
    `heaviest custom item (${heavy.file}, ${heavy.nodes} processing nodes): ${heavyPerSecond.toLocaleString('en')} scorings/s`,
  );

  // A sitting: 50 items drawn from the demo bank (2025 formats) and corpus template items,
  // 10,000 candidates with seeded pseudo-random JSON answers (a third unanswered).
  const pool: CompiledItem[] = loadDemoBank().map((d) => compileItem(d.item));
  const templated = [...new Set(cases.map((c) => c.item))].filter(
    (f) => load(f).responseProcessing?.template,
  );
  for (const file of templated) {
    if (pool.length >= 50) break;
    pool.push(compileItem(load(file)));
  }
  const answerSets: Array<Array<Record<string, unknown>>> = [];
  const byItem = new Map<string, Array<Record<string, unknown>>>();
  for (const c of cases) {
    const list = byItem.get(c.item) ?? [];
    list.push(Object.fromEntries(Object.entries(c.responses).map(([k, r]) => [k, r.value])));
    byItem.set(c.item, list);
  }
  pool.forEach((scorer, i) => {
    const fromCorpus = [...byItem.entries()].find(
      ([file]) => load(file).identifier === scorer.identifier,
    )?.[1];
    const responseIds = [...scorer.declarations.values()].filter((d) => d.kind === 'response');
    answerSets[i] = fromCorpus ?? [
      Object.fromEntries(responseIds.map((d) => [d.identifier, null])),
      Object.fromEntries(responseIds.map((d) => [d.identifier, d.baseType === 'identifier' ? 'DUNG' : '1'])),
    ];
  });
  const candidates = 10_000;
  let total = 0;
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const start = performance.now();
  for (let c = 0; c < candidates; c++) {
    for (let i = 0; i < pool.length; i++) {
      const set = answerSets[i]!;
      const outcomes = pool[i]!.scoreJson(set[next() % set.length]!, c + 1);
      if (typeof outcomes.SCORE === 'number') total += outcomes.SCORE;
    }
  }
  const sittingSeconds = (performance.now() - start) / 1000;
  console.log(
    `sitting of ${candidates.toLocaleString('en')} candidates x ${pool.length} items: ${sittingSeconds.toFixed(2)} s ` +
      `(${Math.round((candidates * pool.length) / sittingSeconds).toLocaleString('en')} item scorings/s, total score ${total.toFixed(1)})`,
  );
  return {
    templateItemScoringsPerSecond: templatePerSecond,
    templateTarget: 200_000,
    heaviestCustomItem: heavy.file,
    heaviestCustomItemNodes: heavy.nodes,
    heaviestCustomItemScoringsPerSecond: heavyPerSecond,
    sittingCandidates: candidates,
    sittingItems: pool.length,
    sittingSeconds: Number(sittingSeconds.toFixed(3)),
    sittingTargetSeconds: 5,
  };
}
