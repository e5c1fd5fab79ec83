/**
 * Resident memory of a sandbox child and everything it started (bubblewrap puts the interpreter a
 * process or two below the pid the pool holds), read from Linux's /proc. Used when a child is killed
 * for overrunning its time: a program that had already taken more memory than its task allows is
 * reported as over memory, which it was, rather than over time, which on a loaded machine can come
 * first only because allocating is slow.
 */
import { readFileSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const tasks = read(`/proc/${pid}/task/${pid}/children`);
  return tasks ? tasks.trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

function rssBytes(pid: number): number {
  const status = read(`/proc/${pid}/status`);
  const kb = status && /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Resident bytes of `pid` and its descendants, or undefined where /proc cannot tell (not Linux, gone). */
export function processTreeRssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined || read(`/proc/${pid}/status`) === undefined) return undefined;
  let total = 0;
  const seen = new Set<number>();
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop() as number;
    if (seen.has(next)) continue;
    seen.add(next);
    total += rssBytes(next);
    queue.push(...childrenOf(next));
  }
  return total;
}
