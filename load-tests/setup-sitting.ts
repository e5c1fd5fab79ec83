/**
 * Prepares a load-test sitting straight in the database (before any engine process starts):
 * an organisation tree, the demo bank's items (or, with `adaptive`, a calibrated pool and a linear
 * form whose one section is adaptive), a sitting open now, and N enrolled students.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../engine/index.ts';
import { createEngine, createLogger } from '../engine/index.ts';
import { FormSpec } from '../engine/sittings/form.ts';
import { sittingCandidates, sittingRooms, sittings } from '../engine/sittings/tables.ts';
import { classes, organisations, students } from '../engine/people/tables.ts';
import { itemBankTables, loadDemoBank, plainText, saveItemVersion } from '../item-bank/index.ts';
import { adaptiveForm, type AdaptiveLoad } from './setup-adaptive.ts';

export interface LoadCandidate {
  candidateNumber: string;
  dateOfBirth: string;
}

export async function setupSitting(config: Readonly<Config>, count: number, adaptive?: AdaptiveLoad) {
  const engine = await createEngine(config, { logger: createLogger('warn') });
  const db = engine.deps.db;
  try {
    const id = () => randomUUID();
    const dept = id();
    const school = id();
    await db.insert(organisations).values([
      { id: dept, kind: 'department', name: 'Sở GD&ĐT (tải thử)', path: `/${dept}/` },
      { id: school, kind: 'school', name: 'Trường tải thử', parentId: dept, path: `/${dept}/${school}/` },
    ]);
    const [bank] = await db
      .insert(itemBankTables.itemBanks)
      .values({ name: 'Tải thử', organisationId: dept })
      .returning();
    const entries = [];
    for (const demo of adaptive ? [] : loadDemoBank()) {
      const saved = await db.transaction((tx) =>
        saveItemVersion(tx, bank!.id, {
          identifier: demo.item.identifier,
          title: demo.item.title,
          sourceFormat: 'qti3.0',
          qtiXml: demo.xml,
          model: demo.item,
          text: plainText([demo.item.body]),
          interactionTypes: demo.item.interactions.map((i) => i.type),
        }),
      );
      entries.push({ itemRef: demo.item.identifier, itemVersionId: saved.versionId, title: demo.item.title });
    }
    const [sitting] = await db
      .insert(sittings)
      .values({
        organisationId: school,
        name: 'Tải thử',
        formSpec: adaptive
          ? await adaptiveForm(db, bank!.id, adaptive)
          : FormSpec.parse({ sections: [{ identifier: 'S1', items: entries }] }),
        opensAt: new Date(Date.now() - 60_000),
        closesAt: new Date(Date.now() + 6 * 3600_000),
        durationSeconds: 3 * 3600,
      })
      .returning();
    const [room] = await db
      .insert(sittingRooms)
      .values({ sittingId: sitting!.id, name: 'P1', accessCode: 'LOAD01' })
      .returning();
    const [cls] = await db
      .insert(classes)
      .values({ schoolId: school, name: 'Tải', grade: '9', schoolYear: '2026-2027' })
      .returning();
    const candidates: LoadCandidate[] = [];
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => start + k);
      const rows = await db
        .insert(students)
        .values(
          batch.map((i) => ({
            nationalId: String(79_000_000_000 + i).padStart(12, '0'),
            fullName: `Thí Sinh ${i}`,
            dateOfBirth: '2011-05-17',
            schoolId: school,
            classId: cls!.id,
          })),
        )
        .returning({ id: students.id });
      await db.insert(sittingCandidates).values(
        rows.map((r, k) => ({
          sittingId: sitting!.id,
          studentId: r.id,
          roomId: room!.id,
          candidateNumber: `L${String(batch[k]).padStart(6, '0')}`,
        })),
      );
      candidates.push(
        ...batch.map((i) => ({
          candidateNumber: `L${String(i).padStart(6, '0')}`,
          dateOfBirth: '17/05/2011',
        })),
      );
    }
    return { accessCode: room!.accessCode, itemRefs: entries.map((e) => e.itemRef), candidates };
  } finally {
    await engine.close();
  }
}
