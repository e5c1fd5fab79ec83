/**
 * An adaptive sitting end to end in Chromium (issue 23): the pool (30 real QTI choice items with
 * stored 2PL parameters) is seeded here and the sitting's last section is adaptive with exactly
 * 20 items. The candidate checks in, answers 20 items the CAT chooses on the server one after
 * another (linear: no going back), submits, and reads the result with the ability and its SE;
 * then a replay of the stored decisions reproduces every choice, and the items the page showed
 * are the ones the CAT chose, in order. Screenshots: candidate-adaptive-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveItemParameters } from '../../item-bank/index.ts';
import { replayAdaptiveSession } from '../../engine/delivery/adaptive/index.ts';
import { buildClass, buildOrganisationTree, buildStudent } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import type { TestEngine } from '../../engine/tests/support/test-engine.ts';
import { choiceItemXml, saveItems } from '../../engine/tests/stored-test-sitting.ts';
import { startE2e, stopE2e } from './browser.ts';
import { checkIn, expectAccessible, shot } from './helpers.ts';

const POOL = 30;
const LENGTH = 20;
const THETA = 0.8;
const params = (k: number) => ({
  model: '2pl' as const,
  a: 0.8 + (k % 4) * 0.3,
  b: -2.5 + (5 * k) / (POOL - 1),
});

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  ({ engine, baseUrl, browser } = await startE2e());
}, 120_000);
afterAll(() => stopE2e({ engine, browser }));

async function adaptiveSitting() {
  const { db } = engine.deps;
  const tree = await buildOrganisationTree(db);
  const { itemIds } = await saveItems(
    engine,
    tree,
    Object.fromEntries(Array.from({ length: POOL }, (_, k) => [`P${k}`, choiceItemXml(`P${k}`)])),
  );
  await saveItemParameters(
    db,
    Array.from({ length: POOL }, (_, k) => ({
      itemId: itemIds[`P${k}`]!,
      model: '2pl',
      parameters: params(k),
      sampleSize: 1000,
    })),
    { source: 'database' },
  );
  const board = await tokenFor(engine, tree.examBoard);
  const sitting = await api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Tiếng Anh thích ứng',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      durationMinutes: 60,
      releasePolicy: 'immediately',
      securityPolicy: { fullscreen: false },
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'CAT',
            title: 'Thích ứng',
            adaptive: {
              estimator: 'eap',
              selector: 'mfi',
              exposure: { kind: 'randomesque', k: 3 },
              stop: { minItems: LENGTH, maxItems: LENGTH },
              seed: 23,
            },
            items: Object.values(itemIds).map((itemId) => ({ itemId })),
          },
        ],
      },
    },
    board,
  );
  if (sitting.status !== 201) throw new Error(`sitting: ${JSON.stringify(sitting.data)}`);
  const room = await api(engine).post(
    `/api/sittings/${sitting.data.id}/rooms`,
    { name: 'Phòng 01', proctorIds: [tree.proctorA.userId] },
    board,
  );
  const cls = await buildClass(db, tree.schoolA);
  const student = await buildStudent(db, tree.schoolA, cls.id, 'Nguyễn Thích Ứng');
  const enrolled = await api(engine).post(
    `/api/sittings/${sitting.data.id}/candidates`,
    { roomId: room.data.id, classId: cls.id },
    board,
  );
  const candidate = (enrolled.data.candidates as { candidateNumber: string }[])[0]!;
  return {
    accessCode: room.data.accessCode as string,
    candidate: { ...candidate, dateOfBirth: student.dateOfBirth },
  };
}

describe('an adaptive sitting in the candidate app', () => {
  it('checks in, answers 20 items the CAT chooses, submits, sees θ with its SE; a replay gives every choice', async () => {
    const { accessCode, candidate } = await adaptiveSitting();
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await checkIn(page, baseUrl, accessCode, candidate);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

    const shown: string[] = [];
    for (let n = 1; n <= LENGTH; n++) {
      await page.getByRole('heading', { name: `Câu ${n} / ${LENGTH}` }).waitFor();
      const prompt = page.getByText(/^Question P\d+$/);
      await prompt.waitFor();
      const ref = (await prompt.textContent())!.replace('Question ', '');
      shown.push(ref);
      const { a, b } = params(Number(ref.slice(1)));
      const right = 1 / (1 + Math.exp(-a * (THETA - b))) >= 0.5;
      await page.getByLabel(right ? 'Alpha' : 'Beta').check();
      await page.getByText('Đã lưu').waitFor();
      if (n === 1) {
        await expectAccessible(page, 'adaptive-item');
        await shot(page, 'candidate-adaptive-item');
        // Linear: no going back.
        expect(await page.getByRole('button', { name: 'Câu trước' }).isDisabled()).toBe(true);
      }
      if (n < LENGTH) await page.getByRole('button', { name: 'Câu sau' }).click();
    }
    expect(new Set(shown).size).toBe(LENGTH);

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: 'Em đã nộp bài' }).waitFor();

    const sessionId = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('exam.session') ?? '{}') as { sessionId?: string }).sessionId,
    );
    await page.getByRole('link', { name: 'Kết quả bài thi' }).click();
    // Scoring runs just after the submission: the page says it is being marked until then.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: 'Kết quả bài thi' }).waitFor();
          await page.waitForTimeout(500);
          return page.locator('dl.result-scores').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    const scores = await page.locator('dl.result-scores').innerText();
    expect(scores).toContain('Năng lực (θ, bài thi thích ứng)');
    expect(scores).toContain('Sai số chuẩn (SE)');
    expect(scores).toMatch(/Số câu đã làm\s+20/);
    const theta = Number((await page.getByTestId('ability').innerText()).replace(',', '.'));
    const se = Number((await page.getByTestId('ability-se').innerText()).replace(',', '.'));
    expect(theta).toBeGreaterThan(0);
    expect(se).toBeGreaterThan(0);
    expect(se).toBeLessThan(0.6);
    await expectAccessible(page, 'adaptive-results');
    await shot(page, 'candidate-adaptive-results');
    await context.close();

    // The appeal: the stored decisions replay exactly, and they are the items the page showed.
    expect(sessionId).toBeTruthy();
    const [replayed] = await replayAdaptiveSession(engine.deps.db, sessionId!);
    expect(replayed!.mismatches).toEqual([]);
    expect(replayed!.ok).toBe(true);
    expect(replayed!.served).toEqual(shown);
    expect(replayed!.choices.flatMap((c) => (c.chosen ? [c.chosen] : []))).toEqual(shown);
    // The 20th answer was scored at submission, and the CAT's last decision is to stop at its length.
    expect(replayed!.choices.at(-1)).toMatchObject({ step: LENGTH, chosen: null, stop: 'max-length' });
  }, 300_000);
});
