import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeItemStatus,
  getItemVersion,
  itemBankTables,
  markVersionDelivered,
  saveItemVersion,
  searchItems,
  type ItemVersionInput,
} from '../../item-bank/index.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

const { itemBanks, items, itemVersions, itemStatusEvents, media } = itemBankTables;
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let bankId: string;

const input = (
  identifier: string,
  text: string,
  extra: Partial<ItemVersionInput> = {},
): ItemVersionInput => ({
  identifier,
  title: `Câu hỏi ${identifier}`,
  sourceFormat: 'qti3.0',
  qtiXml: `<qti-assessment-item identifier="${identifier}"><qti-item-body><p>${text}</p></qti-item-body></qti-assessment-item>`,
  model: { identifier, text },
  text,
  interactionTypes: ['choiceInteraction'],
  ...extra,
});

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  const [bank] = await engine.deps.db
    .insert(itemBanks)
    .values({ name: 'Ngân hàng Toán 9', organisationId: tree.schoolA.id })
    .returning();
  bankId = bank!.id;
});
afterAll(() => engine.dispose());

describe('item storage', () => {
  it('creates version 1, and saving the same content again writes nothing', async () => {
    const db = engine.deps.db;
    const first = await db.transaction((tx) =>
      saveItemVersion(
        tx,
        bankId,
        input('M1', 'Tính diện tích hình tròn bán kính 3 cm.'),
        tree.teacherA.userId,
      ),
    );
    expect(first).toMatchObject({ version: 1, created: true });
    const again = await db.transaction((tx) =>
      saveItemVersion(
        tx,
        bankId,
        input('M1', 'Tính diện tích hình tròn bán kính 3 cm.'),
        tree.teacherA.userId,
      ),
    );
    expect(again).toMatchObject({ version: 1, created: false, versionId: first.versionId });
    expect(await db.select().from(itemVersions).where(eq(itemVersions.itemId, first.itemId))).toHaveLength(1);
  });

  it('an edit adds a version, the old one stays as it was, and a published item returns to draft', async () => {
    const db = engine.deps.db;
    const v1 = await db.transaction((tx) =>
      saveItemVersion(tx, bankId, input('M2', 'Giải phương trình x + 2 = 5.')),
    );
    await changeItemStatus(db, v1.itemId, 'in_review', tree.teacherA.userId);
    await changeItemStatus(db, v1.itemId, 'published', tree.examBoard.userId, 'Đạt yêu cầu');
    const v2 = await db.transaction((tx) =>
      saveItemVersion(tx, bankId, input('M2', 'Giải phương trình x + 3 = 7.'), tree.teacherA.userId),
    );
    expect(v2).toMatchObject({ version: 2, created: true });
    expect((await getItemVersion(db, v1.itemId, 1))!.qtiXml).toContain('x + 2 = 5');
    expect((await getItemVersion(db, v1.itemId))!.version).toBe(2);
    const [item] = await db.select().from(items).where(eq(items.id, v1.itemId));
    expect(item!.status).toBe('draft');
    const history = await db
      .select()
      .from(itemStatusEvents)
      .where(eq(itemStatusEvents.itemId, v1.itemId))
      .orderBy(itemStatusEvents.at);
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'published'],
      ['published', 'draft'],
    ]);
    expect(history[2]).toMatchObject({ actorId: tree.examBoard.userId, comment: 'Đạt yêu cầu' });
  });

  it('refuses workflow moves that skip review', async () => {
    const db = engine.deps.db;
    const v1 = await db.transaction((tx) => saveItemVersion(tx, bankId, input('M3', 'Rút gọn biểu thức.')));
    await expect(changeItemStatus(db, v1.itemId, 'published', tree.teacherA.userId)).rejects.toThrow(
      /cannot move from draft to published/,
    );
  });

  it('the database keeps versions immutable; delivery is recorded once', async () => {
    const db = engine.deps.db;
    const v1 = await db.transaction((tx) =>
      saveItemVersion(tx, bankId, input('M4', 'Tính chu vi tam giác.')),
    );
    await expect(
      db.execute(sql`update item_versions set qti_xml = 'x' where id = ${v1.versionId}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from item_versions where id = ${v1.versionId}`)).rejects.toThrow();
    await markVersionDelivered(db, v1.versionId);
    const delivered = (await getItemVersion(db, v1.itemId))!.firstDeliveredAt;
    expect(delivered).toBeInstanceOf(Date);
    await markVersionDelivered(db, v1.versionId);
    expect((await getItemVersion(db, v1.itemId))!.firstDeliveredAt!.getTime()).toBe(delivered!.getTime());
  });

  it('stores media once by content hash', async () => {
    const db = engine.deps.db;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await db.transaction((tx) =>
      saveItemVersion(
        tx,
        bankId,
        input('P1', 'Quan sát hình vẽ.', {
          media: [{ href: 'images/a.png', contentType: 'image/png', data: png }],
        }),
      ),
    );
    await db.transaction((tx) =>
      saveItemVersion(
        tx,
        bankId,
        input('P2', 'Quan sát hình vẽ khác.', {
          media: [{ href: 'img/same.png', contentType: 'image/png', data: png }],
        }),
      ),
    );
    const rows = await db.select({ sha: media.sha256 }).from(media);
    expect(rows).toHaveLength(1);
  });

  it('searches ignoring Vietnamese diacritics, with metadata filters and pages', async () => {
    const db = engine.deps.db;
    await db.transaction(async (tx) => {
      await saveItemVersion(
        tx,
        bankId,
        input('S1', 'Diện tích hình chữ nhật có chiều dài 5 cm.', {
          metadata: { subject: 'toan', grade: 9, cognitiveLevel: 'nhan_biet', topic: 'Hình học' },
        }),
      );
      await saveItemVersion(
        tx,
        bankId,
        input('S2', 'Tính diện tích tam giác vuông.', {
          metadata: { subject: 'toan', grade: 9, cognitiveLevel: 'van_dung', topic: 'Hình học' },
        }),
      );
      await saveItemVersion(
        tx,
        bankId,
        input('S4', 'Màn hình trong phòng thi có 40 chỗ ngồi.', {
          metadata: { subject: 'tin_hoc', grade: 9 },
        }),
      );
      await saveItemVersion(
        tx,
        bankId,
        input('S5', 'Tính chu vi hình tròn bán kính 3 cm.', {
          metadata: { subject: 'toan', grade: 9 },
        }),
      );
      await saveItemVersion(
        tx,
        bankId,
        input('S3', 'Đoạn văn tiếng Anh: My family.', {
          metadata: { subject: 'tieng_anh', grade: 8, language: 'en' },
        }),
      );
    });
    const found = await searchItems(db, { bankIds: [bankId], q: 'dien tich' });
    expect(found.items.map((i) => i.identifier).sort()).toEqual(['M1', 'S1', 'S2']);
    const withAccents = await searchItems(db, { bankIds: [bankId], q: 'DIỆN TÍCH tam' });
    expect(withAccents.items.map((i) => i.identifier)).toEqual(['S2']);
    const prefix = await searchItems(db, { bankIds: [bankId], q: 'dien tic' });
    expect(prefix.total).toBe(3);
    // A marked word is a finished syllable: "tròn" does not find "trong".
    const circle = await searchItems(db, { bankIds: [bankId], q: 'hình tròn' });
    expect(circle.items.map((i) => i.identifier).sort()).toEqual(['M1', 'S5']);
    const filtered = await searchItems(db, {
      bankIds: [bankId],
      q: 'dien tich',
      cognitiveLevel: ['van_dung'],
      grade: 9,
    });
    expect(filtered.items.map((i) => i.identifier)).toEqual(['S2']);
    const english = await searchItems(db, { bankIds: [bankId], language: 'en' });
    expect(english.items.map((i) => i.identifier)).toEqual(['S3']);
    const paged = await searchItems(db, { bankIds: [bankId], pageSize: 2, page: 2 });
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThanOrEqual(9);
    expect((await searchItems(db, { bankIds: [], q: 'dien' })).total).toBe(0);
  });
});
