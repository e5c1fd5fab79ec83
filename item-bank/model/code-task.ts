/**
 * The code task: a programming item. In QTI it is a customInteraction marked with our own type
 * identifier; what the grader needs (language, starter code, tests, limits, scoring) is this
 * shape, validated with zod. Hidden tests (and a hidden test file) are server-only: they live in
 * a separate element that the candidate projection removes.
 *
 * The fields follow the grading sandbox's task shape (grading/code/task.ts), so the grader can
 * take `codeTasks` of a parsed item as it is.
 */
import { z } from 'zod';

/** Our custom interaction type identifier; also the namespace of the server-only element. */
export const CODE_TASK_TYPE = 'urn:x-exam-engine:code-task:v1';

/** A JSON value (function arguments, expected return values). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

const testBase = {
  /** Name shown to the candidate and in reports; unique within the task. */
  name: z.string().min(1).max(200),
  /** Visible tests are shown to the candidate; hidden ones never leave the server. */
  visible: z.boolean().default(false),
  /** Weight in the weighted-sum score. */
  weight: z.number().nonnegative().default(1),
};

/** Calls a function of the submission with arguments and compares its return value. */
export const CodeFunctionTest = z.object({
  ...testBase,
  kind: z.literal('function'),
  /** Function name; defaults to the task's `entry`. */
  function: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/)
    .optional(),
  args: z.array(jsonValue).default([]),
  expected: jsonValue,
  absTol: z.number().nonnegative().default(1e-8),
  relTol: z.number().nonnegative().default(1e-5),
});

/** Runs the submission as a program with stdin and compares its stdout. */
export const CodeIoTest = z.object({
  ...testBase,
  kind: z.literal('io'),
  stdin: z.string().max(1_000_000).default(''),
  /** Expected stdout, or a regular expression when `compare` is `regex`. */
  expected: z.string().max(1_000_000),
  compare: z.enum(['exact', 'tolerant', 'regex']).default('tolerant'),
});

export const CodeTest = z.discriminatedUnion('kind', [CodeFunctionTest, CodeIoTest]);
export type CodeTest = z.output<typeof CodeTest>;

/** A teacher's test file (Python unittest, JavaScript describe/test); each test method counts as one. */
export const CodeTestFile = z.object({
  source: z.string().min(1).max(500_000),
  visible: z.boolean().default(false),
  weightPerTest: z.number().nonnegative().default(1),
});

export const CodeLimits = z.object({
  /** CPU time per test, milliseconds. */
  cpuMsPerTest: z.number().int().min(10).max(30_000).default(2_000),
  /** Wall time for the whole submission, milliseconds. */
  wallMs: z.number().int().min(100).max(120_000).default(20_000),
  memoryMb: z.number().int().min(16).max(1_024).default(128),
  /** Output (stdout + stderr) per test, bytes. */
  outputBytes: z.number().int().min(1).max(8_000_000).default(64_000),
});

export const CodeTask = z
  .object({
    language: z.enum(['python', 'javascript']),
    title: z.string().max(300).optional(),
    /** Instructions shown to the candidate (plain text or Markdown). */
    instructions: z.string().max(100_000).default(''),
    starterCode: z.string().max(200_000).default(''),
    /** Default function name for function tests. */
    entry: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*$/)
      .optional(),
    moduleName: z
      .string()
      .regex(/^[A-Za-z_]\w*$/)
      .default('solution'),
    tests: z.array(CodeTest).max(500).default([]),
    testFile: CodeTestFile.optional(),
    limits: CodeLimits.default(CodeLimits.parse({})),
    scoring: z.enum(['weighted', 'allOrNothing']).default('weighted'),
    maxScore: z.number().positive().optional(),
    resubmissionPenalty: z.array(z.number().min(0).max(1)).default([]),
  })
  .superRefine((task, ctx) => {
    const names = new Set<string>();
    for (const t of task.tests) {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', message: `Two tests are named ${t.name}.` });
      names.add(t.name);
      if (t.kind === 'function' && !t.function && !task.entry)
        ctx.addIssue({
          code: 'custom',
          message: `Test ${t.name} names no function and the task has no entry.`,
        });
    }
    if (!task.tests.length && !task.testFile)
      ctx.addIssue({ code: 'custom', message: 'A code task needs tests or a test file.' });
  });
export type CodeTask = z.output<typeof CodeTask>;
export type CodeTaskInput = z.input<typeof CodeTask>;

/** The server-only part of a task: hidden tests and a hidden test file. */
export interface HiddenCodeTaskParts {
  tests: CodeTest[];
  testFile?: z.output<typeof CodeTestFile>;
}

/** Splits a task into what the candidate may see and what stays on the server. */
export function splitCodeTask(task: CodeTask): { visible: CodeTask; hidden: HiddenCodeTaskParts } {
  const hiddenFile = task.testFile && !task.testFile.visible ? task.testFile : undefined;
  const visible: CodeTask = { ...task, tests: task.tests.filter((t) => t.visible) };
  if (hiddenFile) delete visible.testFile;
  return {
    visible,
    hidden: { tests: task.tests.filter((t) => !t.visible), ...(hiddenFile ? { testFile: hiddenFile } : {}) },
  };
}

/** A code task found in an item, with the response it answers. */
export interface ItemCodeTask {
  responseIdentifier: string;
  task: CodeTask;
}
