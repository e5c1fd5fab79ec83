/**
 * A teacher re-imports a Canvas (QTI 1.2) question whose identifier the bank already holds with
 * other content: the preview names the clash and will not save until the teacher chooses; she
 * chooses "new question with a new identifier", saves, and the bank holds both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../item-bank/index.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium } from './browser.ts';
import { expectAccessible, shot, signInToAuthor } from './helpers.ts';

/** One Canvas-style multiple choice question (QTI 1.2), its stem given. */
const canvasQuestion = (stem: string) => `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
  <assessment ident="g0quiz" title="Kiểm tra">
    <section ident="root_section">
      <item ident="g0mc01" title="Thủ đô">
        <itemmetadata><qtimetadata>
          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>multiple_choice_question</fieldentry></qtimetadatafield>
        </qtimetadata></itemmetadata>
        <presentation>
          <material><mattext texttype="text/plain">${stem}</mattext></material>
          <response_lid ident="response1" rcardinality="Single"><render_choice>
            <response_label ident="1"><material><mattext>Hà Nội</mattext></material></response_label>
            <response_label ident="2"><material><mattext>Huế</mattext></material></response_label>
          </render_choice></response_lid>
        </presentation>
        <resprocessing>
          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
          <respcondition continue="No"><conditionvar><varequal respident="response1">1</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>
        </resprocessing>
      </item>
    </section>
  </assessment>
</questestinterop>`;

let engine: TestEngine;
let baseUrl: string;
let browser: Browser;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;

beforeAll(async () => {
  await ensureClientBuilt();
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  const token = await tokenFor(engine, tree.teacherA);
  const bank = await api(engine).post(
    '/api/item-banks',
    { name: 'Địa lí – Trường A', organisationId: tree.schoolA.id },
    token,
  );
  expect(bank.status).toBe(201);
  bankId = bank.data.id as string;
  // The bank already holds the question as first imported.
  const first = await api(engine).call(
    'POST',
    `/api/item-banks/${bankId}/imports/confirm?format=qti12&filename=kiem-tra-cu.xml`,
    {
      token,
      body: canvasQuestion('Thủ đô của Việt Nam là thành phố nào?'),
      headers: { 'content-type': 'application/xml' },
    },
  );
  expect(first.status).toBe(200);
  const port = await engine.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

describe('import preview with an identifier clash, in Chromium', () => {
  it('names the clash, blocks saving until a choice is made, and saves the question under a new identifier', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'author-clash-'));
    const file = path.join(folder, 'kiem-tra-moi.xml');
    writeFileSync(file, canvasQuestion('Thành phố nào là thủ đô của Việt Nam hiện nay?'));

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles(file);
    await page.getByRole('button', { name: 'Xem trước' }).click();

    await page.getByRole('heading', { name: 'Mã câu hỏi trùng với ngân hàng' }).waitFor();
    await page
      .getByText(
        'Câu 1 (Thủ đô): mã g0mc01 đã có trong ngân hàng (phiên bản 1, nhập từ kiem-tra-cu.xml) với nội dung khác.',
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Lưu tất cả' }).isDisabled()).toBe(true);
    await page.getByText('Hãy chọn cách xử lý các câu trùng mã trước khi lưu.').waitFor();
    await expectAccessible(page, 'import preview with a clash');
    await shot(page, 'author-import-clash');

    await page
      .getByLabel('Khi mã câu hỏi đã có trong ngân hàng')
      .selectOption({ label: 'Lưu thành câu mới với mã mới' });
    const save = page.getByRole('button', { name: 'Lưu tất cả' });
    await expect.poll(() => save.isEnabled(), { timeout: 20_000 }).toBe(true);
    await save.click();
    await page.getByText('Đã lưu 1 câu hỏi vào ngân hàng (1 câu mới).').waitFor();
    await context.close();

    const stored = await engine.deps.db
      .select({ identifier: itemBankTables.items.identifier })
      .from(itemBankTables.items)
      .where(eq(itemBankTables.items.bankId, bankId))
      .orderBy(itemBankTables.items.identifier);
    expect(stored.map((r) => r.identifier)).toEqual(['g0mc01', 'g0mc01-imported']);
  }, 180_000);
});
