/** Reads a task from task.json, or from a folder holding task.json and the teacher's test file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCodeTask, type CodeTask } from './task.ts';

const TEST_FILES = /^(test_.*\.py|.*_test\.py|tests?\.py|.*\.test\.m?js|tests?\.m?js)$/;

/** Loads and validates a task. In a folder, `testFile.path` (or the one file named like a test) fills `testFile.source`. */
export function loadTask(location: string): CodeTask {
  const isDir = statSync(location).isDirectory();
  const file = isDir ? path.join(location, 'task.json') : location;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const dir = path.dirname(file);
  const tf = json.testFile as { path?: string; source?: string } | undefined;
  let testPath = tf?.path ? path.resolve(dir, tf.path) : undefined;
  if (!testPath && isDir && !tf?.source) {
    const found = readdirSync(dir).filter((f) => TEST_FILES.test(f));
    if (found.length === 1) testPath = path.join(dir, found[0] as string);
  }
  if (testPath) {
    if (!existsSync(testPath)) throw new Error(`test file not found: ${testPath}`);
    const { path: _p, ...rest } = tf ?? {};
    json.testFile = { ...rest, source: readFileSync(testPath, 'utf8') };
  }
  return parseCodeTask(json);
}
