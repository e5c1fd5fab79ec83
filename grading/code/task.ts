/**
 * The code task model: what a teacher writes and what the grader needs. Parsed with zod so a task file
 * (task.json, see README.md) and the item bank's code-task interaction share one shape.
 */
import { z } from 'zod';

/** A JSON value as it travels to and from the sandbox (arguments, expected and actual return values). */
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
  /** Visible tests are shown to the candidate with expected/actual and a diff; hidden ones only by verdict. */
  visible: z.boolean().default(false),
  /** Weight in the weighted-sum score. */
  weight: z.number().nonnegative().default(1),
};

/** Calls a function of the submission with arguments and compares its return value outside the sandbox. */
export const functionTestSchema = z.object({
  ...testBase,
  kind: z.literal('function'),
  /** Function name; defaults to the task's `entry`. */
  function: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/)
    .optional(),
  /** Positional arguments (JSON). */
  args: z.array(jsonValue).default([]),
  /** Expected return value (JSON; tuples compare as lists). */
  expected: jsonValue,
  /** Absolute and relative float tolerance (defaults 1e-8 and 1e-5, as PrairieLearn). */
  absTol: z.number().nonnegative().default(1e-8),
  relTol: z.number().nonnegative().default(1e-5),
});

/** Runs the submission as a program with stdin and compares its stdout outside the sandbox. */
export const ioTestSchema = z.object({
  ...testBase,
  kind: z.literal('io'),
  stdin: z.string().max(1_000_000).default(''),
  /** Expected stdout, or a regular expression when `compare` is `regex`. */
  expected: z.string().max(1_000_000),
  /** exact; tolerant (whitespace runs, trailing spaces and letter case ignored); regex (whole output). */
  compare: z.enum(['exact', 'tolerant', 'regex']).default('tolerant'),
});

export const testSchema = z.discriminatedUnion('kind', [functionTestSchema, ioTestSchema]);

/** The teacher's test file: Python `unittest` or JavaScript `describe`/`test`/`expect`; each test method counts as one. */
export const testFileSchema = z.object({
  /** File contents (sent to the sandbox over IPC, never written to disk). */
  source: z.string().min(1).max(500_000),
  visible: z.boolean().default(false),
  /** Weight of each test method found in the file. */
  weightPerTest: z.number().nonnegative().default(1),
});

export const limitsSchema = z.object({
  /** CPU time per test, milliseconds. */
  cpuMsPerTest: z.number().int().min(10).max(30_000).default(2_000),
  /** Wall time for the whole submission, milliseconds. */
  wallMs: z.number().int().min(100).max(120_000).default(20_000),
  /** Memory the submission may use, megabytes. */
  memoryMb: z.number().int().min(16).max(1_024).default(128),
  /** Output (stdout + stderr) per test, bytes. */
  outputBytes: z.number().int().min(1).max(8_000_000).default(64_000),
});
export type Limits = z.infer<typeof limitsSchema>;

export const codeTaskSchema = z.object({
  language: z.enum(['python', 'javascript']),
  title: z.string().max(300).optional(),
  /** Instructions shown to the candidate (plain text or Markdown). */
  instructions: z.string().max(100_000).default(''),
  /** Code the candidate starts from. */
  starterCode: z.string().max(200_000).default(''),
  /** Default function name for function tests. */
  entry: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*$/)
    .optional(),
  /** Module name the teacher's test file imports the submission as (Python `import solution`; JS `require('solution')`). */
  moduleName: z
    .string()
    .regex(/^[A-Za-z_]\w*$/)
    .default('solution'),
  tests: z.array(testSchema).default([]),
  testFile: testFileSchema.optional(),
  limits: limitsSchema.default(limitsSchema.parse({})),
  /** weighted: sum of weights of passed tests; allOrNothing: full marks only when every test passes. */
  scoring: z.enum(['weighted', 'allOrNothing']).default('weighted'),
  /** Maximum score of the task; test weights are scaled to it. Defaults to the sum of weights. */
  maxScore: z.number().positive().optional(),
  /** Penalty per earlier graded attempt as fractions, CodeRunner style: [0, 0.1, 0.2] = 0 %, 10 %, 20 %, ... */
  resubmissionPenalty: z.array(z.number().min(0).max(1)).default([]),
});

export type CodeTask = z.infer<typeof codeTaskSchema>;
export type CodeTaskInput = z.input<typeof codeTaskSchema>;
export type CodeTest = z.infer<typeof testSchema>;
export type FunctionTest = z.infer<typeof functionTestSchema>;
export type IoTest = z.infer<typeof ioTestSchema>;

/** Parses a task, checking what zod alone cannot: names unique, an entry for every function test. */
export function parseCodeTask(input: unknown): CodeTask {
  const task = codeTaskSchema.parse(input);
  const names = new Set<string>();
  for (const t of task.tests) {
    if (names.has(t.name)) throw new Error(`duplicate test name: ${t.name}`);
    names.add(t.name);
    if (t.kind === 'function' && !t.function && !task.entry) {
      throw new Error(`test ${t.name}: no function and no task entry`);
    }
  }
  if (task.tests.length === 0 && !task.testFile) throw new Error('a code task needs tests or a test file');
  return task;
}
