/**
 * The code task model, one shape for the item bank's code-task interaction and the grader: the
 * zod schemas live in the item bank (item-bank/model/code-task.ts); this file names them as the
 * grader uses them and parses task files (task.json, see README.md).
 */
import type { z } from 'zod';
import {
  CodeFunctionTest,
  CodeIoTest,
  CodeLimits,
  CodeTask as CodeTaskSchema,
  CodeTest as CodeTestSchema,
  CodeTestFile,
} from '../../item-bank/index.ts';

export type { JsonValue } from '../../item-bank/index.ts';

export const functionTestSchema = CodeFunctionTest;
export const ioTestSchema = CodeIoTest;
export const testSchema = CodeTestSchema;
export const testFileSchema = CodeTestFile;
export const limitsSchema = CodeLimits;
export const codeTaskSchema = CodeTaskSchema;

export type Limits = z.infer<typeof limitsSchema>;
export type CodeTask = z.output<typeof codeTaskSchema>;
export type CodeTaskInput = z.input<typeof codeTaskSchema>;
export type CodeTest = z.output<typeof testSchema>;
export type FunctionTest = z.output<typeof functionTestSchema>;
export type IoTest = z.output<typeof ioTestSchema>;

/**
 * Parses a task; the schema also checks what a field alone cannot (test names unique, an entry
 * for every function test, tests or a test file). Throws an Error naming every problem.
 */
export function parseCodeTask(input: unknown): CodeTask {
  const parsed = codeTaskSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `invalid code task: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'task'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
