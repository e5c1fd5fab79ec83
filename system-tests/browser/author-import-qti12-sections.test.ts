/**
 * A teacher imports a Canvas-style QTI 1.2 quiz with a question group (one of two questions drawn
 * for each candidate) on the question-import page. The preview says the sections are not kept
 * by "Save all" and offers to import the package as a test; she does, and the bank holds the
 * questions and the test built from the sections by the engine's one rule for QTI 1.2 sections
 * (the package import: item-bank/importers/qti12-test.ts), the same test as the package import
 * route builds from the same file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertQti12Package, itemBankTables } from '../../item-bank/index.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { api, tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';
import { ensureClientBuilt, launchChromium } from './browser.ts';
import { expectAccessible, signInToAuthor } from './helpers.ts';

const question = (ident: string, stem: string, right: string, wrong: string) => `
      <item ident="${ident}" title="${stem}">
        <itemmetadata><qtimetadata>
          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>multiple_choice_question</fieldentry></qtimetadatafield>
          <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>
        </qtimetadata></itemmetadata>
        <presentation>
          <material><mattext texttype="text/plain">${stem}</mattext></material>
          <response_lid ident="response1" rcardinality="Single"><render_choice>
            <response_label ident="1"><material><mattext>${right}</mattext></material></response_label>
            <response_label ident="2"><material><mattext>${wrong}</mattext></material></response_label>
          </render_choice></response_lid>
        </presentation>
        <resprocessing>
          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
          <respcondition continue="No"><conditionvar><varequal respident="response1">1</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>
        </resprocessing>
      </item>`;

const QUIZ = `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
  <assessment ident="g5quiz" title="Kiểm tra địa lí">
    <qtimetadata><qtimetadatafield><fieldlabel>qmd_timelimit</fieldlabel><fieldentry>15</fieldentry></qtimetadatafield></qtimetadata>
    <section ident="root_section">${question('g5q1', 'Thủ đô của Việt Nam', 'Hà Nội', 'Huế')}
      <section ident="g5group" title="Sông ngòi">
        <selection_ordering><selection><selection_number>1</selection_number></selection></selection_ordering>${question('g5q2', 'Sông dài nhất Việt Nam', 'Sông Mê Kông', 'Sông Hồng')}${question('g5q3', 'Sông chảy qua Hà Nội', 'Sông Hồng', 'Sông Hương')}
      </section>
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
    { name: 'Địa lí 9 – Trường A', organisationId: tree.schoolA.id },
    token,
  );
  expect(bank.status).toBe(201);
  bankId = bank.data.id as string;
  const port = await engine.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await engine?.dispose();
});

describe('question import of a QTI 1.2 quiz with sections, in Chromium', () => {
  it('offers the test the package import builds from the sections, and stores it with its questions', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'author-qti12-sections-'));
    const file = path.join(folder, 'kiem-tra-dia-li.xml');
    writeFileSync(file, QUIZ);

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToAuthor(page, baseUrl, tree.teacherA);
    await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
    await page.getByLabel('Chọn tệp').setInputFiles(file);
    await page.getByRole('button', { name: 'Xem trước' }).click();

    await page.getByRole('heading', { name: 'Giữ các phần của bài thành đề kiểm tra' }).waitFor();
    await expectAccessible(page, 'import preview of a QTI 1.2 quiz with sections');
    await page.getByRole('button', { name: 'Nhập gói thành đề kiểm tra' }).click();
    await page.getByText('Đã nhập 3 câu hỏi (3 câu mới) và 1 đề kiểm tra: g5quiz.').waitFor();

    await context.close();

    const tests = await engine.deps.db
      .select({
        identifier: itemBankTables.assessmentTests.identifier,
        xml: itemBankTables.assessmentTestVersions.qtiXml,
      })
      .from(itemBankTables.assessmentTests)
      .innerJoin(
        itemBankTables.assessmentTestVersions,
        eq(itemBankTables.assessmentTestVersions.testId, itemBankTables.assessmentTests.id),
      )
      .where(eq(itemBankTables.assessmentTests.bankId, bankId));
    expect(tests.map((t) => t.identifier)).toEqual(['g5quiz']);
    // The test stored is the one the engine's QTI 1.2 rule builds from the file (no second converter).
    const built = convertQti12Package([{ file: 'kiem-tra-dia-li.xml', xml: QUIZ }], new Map());
    expect(built.tests.map((t) => t.identifier)).toEqual(['g5quiz']);
    const shape = (xml: string) =>
      [
        ...xml.matchAll(
          /<qti-assessment-section [^>]*identifier="[^"]+"|<qti-selection select="\d+"|<qti-assessment-item-ref [^>]*identifier="[^"]+"/g,
        ),
      ].map((m) => m[0]);
    expect(shape(tests[0]!.xml)).toEqual(shape(built.tests[0]!.xml));
    expect(shape(tests[0]!.xml)).toContain('<qti-selection select="1"');
    const items = await engine.deps.db
      .select({ identifier: itemBankTables.items.identifier })
      .from(itemBankTables.items)
      .where(eq(itemBankTables.items.bankId, bankId))
      .orderBy(itemBankTables.items.identifier);
    expect(items.map((r) => r.identifier)).toEqual(['g5q1', 'g5q2', 'g5q3']);
  }, 300_000);
});
