import { describe, expect, it } from 'vitest';
import { codeTaskInteraction } from '../authoring/code-task-interaction.ts';
import { toCandidateItem } from '../candidate/project-item.ts';
import { loadDemoBank } from '../demo-bank/demo-bank.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import { writeItemXml } from '../qti/write-item.ts';
import { CodeTask } from './code-task.ts';

const demo = loadDemoBank().find((d) => d.item.identifier === 'TIN-10-CODE-01')!;

describe('code tasks', () => {
  it('the demo Python task parses into the task model, hidden tests included, on the server', () => {
    expect(demo.item.codeTasks).toHaveLength(1);
    const { responseIdentifier, task } = demo.item.codeTasks![0]!;
    expect(responseIdentifier).toBe('RESPONSE');
    expect(CodeTask.parse(task)).toEqual(task);
    expect(task).toMatchObject({
      language: 'python',
      entry: 'tong_chan',
      limits: { cpuMsPerTest: 1000, memoryMb: 64 },
    });
    expect(task.starterCode).toContain('def tong_chan(ds):');
    expect(task.tests.map((t) => [t.name, t.visible])).toEqual([
      ['Ví dụ trong đề', true],
      ['Danh sách rỗng', true],
      ['Số âm', false],
      ['Không có số chẵn', false],
      ['Danh sách dài', false],
    ]);
  });

  it('the candidate projection keeps language, starter code and visible tests, and strips every hidden test', () => {
    const json = JSON.stringify(toCandidateItem(demo.item));
    expect(json).toContain('tong_chan');
    expect(json).toContain('Ví dụ trong đề');
    expect(json).toContain('starter-code');
    for (const secret of [
      'Số âm',
      'Không có số chẵn',
      'Danh sách dài',
      '2450',
      'hidden-tests',
      'data-visibility',
    ])
      expect(json).not.toContain(secret);
  });

  it('keeps hidden tests out of the projection even without the server-only marker', () => {
    const interaction = codeTaskInteraction('RESPONSE', demo.item.codeTasks![0]!.task);
    const hidden = interaction.children.find((c) => c.kind === 'element' && c.name === 'hidden-tests');
    if (hidden?.kind === 'element') hidden.attributes = {};
    const item = { ...demo.item, body: { ...demo.item.body, children: [interaction] } };
    const again = parseItemXml(writeItemXml(item)).item!;
    expect(again.codeTasks![0]!.task.tests).toHaveLength(5);
    expect(JSON.stringify(toCandidateItem(again))).not.toContain('2450');
  });

  it('reports a broken task with its place and a plain sentence', () => {
    const badLanguage = demo.xml.replace(
      '&quot;language&quot;:&quot;python&quot;',
      '&quot;language&quot;:&quot;cobol&quot;',
    );
    expect(parseItemXml(badLanguage, 'code.xml').problems).toEqual([
      expect.objectContaining({
        file: 'code.xml',
        line: 2,
        code: 'bad-code-task',
        message: expect.stringMatching(/field language is invalid/),
      }),
    ]);
    const twice = demo.xml.replace('"name":"Số âm"', '"name":"Ví dụ trong đề"');
    expect(parseItemXml(twice).problems).toEqual([
      expect.objectContaining({
        code: 'bad-code-task',
        message: expect.stringMatching(/Two tests are named Ví dụ trong đề/),
      }),
    ]);
    const notJson = parseItemXml(demo.xml.replace('{"tests":[', '{"tests":[[')).problems;
    expect(notJson).toEqual([
      expect.objectContaining({ code: 'bad-code-task', message: expect.stringMatching(/not valid JSON/) }),
    ]);
  });
});
