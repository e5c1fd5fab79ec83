/**
 * Splits the entries of labels.json that have no `split` yet, once, into tuning and test parts:
 * `npx tsx proctor/eval/faces-set/split-new.ts [--seed 20261207] [--dry-run]`.
 *
 * Rule: entries are put in groups by `group` (a whole clip, photo series or folder of near-duplicates stays on one
 * side); each group's class is that of its images (0 / 1 / 2+ faces; a group mixing classes takes its first image's
 * class). Within each class the groups, sorted by name, are shuffled with a mulberry32 generator seeded by --seed
 * (Fisher-Yates), then taken in that order into the tuning part while it holds fewer than round(40 %) of that class's
 * new images; the rest go to the test part. Entries that already have a split are never moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../seeded-random.ts';

interface Entry {
  file: string;
  faces: number;
  group: string;
  split?: 'tune' | 'test';
  [key: string]: unknown;
}

const cls = (faces: number) => (faces >= 2 ? '2+' : String(faces));

/** Assigns `split` to the entries without one (in place) and returns how many of each class went where. */
export function splitNew(entries: Entry[], seed: number, tuneShare = 0.4) {
  const random = mulberry32(seed);
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.split) continue;
    const g = groups.get(e.group) ?? [];
    g.push(e);
    groups.set(e.group, g);
  }
  const byClass = new Map<string, string[]>();
  for (const [name, members] of groups) {
    const c = cls(members[0]!.faces);
    byClass.set(c, [...(byClass.get(c) ?? []), name]);
  }
  const summary: Record<string, { tune: number; test: number }> = {};
  for (const c of [...byClass.keys()].sort()) {
    const names = byClass.get(c)!.sort();
    for (let i = names.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [names[i], names[j]] = [names[j]!, names[i]!];
    }
    const total = names.reduce((n, g) => n + groups.get(g)!.length, 0);
    const target = Math.round(total * tuneShare);
    let tune = 0;
    for (const name of names) {
      const members = groups.get(name)!;
      const side = tune < target ? 'tune' : 'test';
      if (side === 'tune') tune += members.length;
      for (const e of members) e.split = side;
    }
    summary[c] = { tune, test: total - tune };
  }
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'labels.json');
  const i = process.argv.indexOf('--seed');
  const seed = i >= 0 ? Number(process.argv[i + 1]) : 20261207;
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  const summary = splitNew(entries, seed);
  console.log(JSON.stringify({ seed, summary }));
  if (!process.argv.includes('--dry-run')) writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}
