import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const qti = (...args: string[]) =>
  run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/qti.ts', ...args], { cwd: root }).catch(
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

describe('npm run qti', () => {
  it('score prints the outcomes of one item', async () => {
    const { stdout } = await qti(
      'score',
      'item-bank/demo-bank/toan-dung-sai-2025.xml',
      '--responses',
      '{"RESPONSE_A":"DUNG","RESPONSE_B":"SAI","RESPONSE_C":"DUNG","RESPONSE_D":"DUNG"}',
    );
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ NUM_CORRECT: 3, SCORE: 0.5 });
  });

  it('score-batch prints one line per case, in order, and goes on after a failing case', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qti-batch-'));
    const demo = path.join(root, 'item-bank/demo-bank');
    const lines = [
      {
        item: path.join(demo, 'toan-tra-loi-ngan-2025.xml'),
        responses: { RESPONSE: { baseType: 'float', cardinality: 'single', value: 4.0004 } },
      },
      { item: path.join(dir, 'missing.xml'), responses: {} },
      {
        item: path.join(demo, 'toan-tra-loi-ngan-2025.xml'),
        responses: { RESPONSE: { baseType: 'float', cardinality: 'single', value: 5 } },
      },
    ];
    writeFileSync(path.join(dir, 'cases.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const { stdout } = await qti('score-batch', path.join(dir, 'cases.jsonl'));
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcomes?: { SCORE: number }; error?: string });
    expect(out).toHaveLength(3);
    expect(out[0]!.outcomes).toEqual({ SCORE: 0.5 });
    expect(out[1]!.error).toMatch(/ENOENT|no such file/);
    expect(out[2]!.outcomes).toEqual({ SCORE: 0 });
  });

  it('validate exits 1 and names file, line and problem for an invalid item', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qti-validate-'));
    writeFileSync(
      path.join(dir, 'bad.xml'),
      `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="BAD" title="x">\n<qti-item-body>\n<qti-choice-interaction response-identifier="NOPE"><qti-simple-choice identifier="A">a</qti-simple-choice></qti-choice-interaction>\n</qti-item-body>\n</qti-assessment-item>`,
    );
    const result = (await qti('validate', dir)) as { stdout: string; code?: number };
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /bad\.xml:3:\d+ error undeclared-response: The choiceInteraction answers NOPE, which has no responseDeclaration\./,
    );
  });
});
