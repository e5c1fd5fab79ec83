/**
 * Issue 26's authorization matrix, the scope dimension: every staff operation of the OpenAPI document
 * whose path names a stored thing is asked about a real thing of another department, by that other
 * department's admin (who must be let through: the ids are real and visible there) and by this
 * department's admin, who holds every permission, so scope is the only thing that can stop them
 * (403 or 404, never a 2xx or a 400 that would mean the request got as far as its body). A path
 * naming a kind of thing this table does not know fails the test until it is added.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../../item-bank/index.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { generateSigningKeyPair } from '../../centres/ed25519.ts';
import { buildQtiItems, buildSitting, checkInCandidate } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let insider: string;
let outsider: string;
let ids: Record<string, string>;
let staffPaths: Array<{ method: string; path: string; bodyType?: string }>;

beforeAll(async () => {
  engine = await createTestEngine();
  const ours = await buildOrganisationTree(engine.deps.db);
  const theirs = await buildOrganisationTree(engine.deps.db);
  const [itemId] = await buildQtiItems(engine, theirs, 1);
  const sitting = await buildSitting(engine, theirs, [itemId!], { students: 1 });
  const session = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);
  const [bank] = await engine.deps.db
    .select({ id: itemBankTables.itemBanks.id })
    .from(itemBankTables.itemBanks)
    .where(eq(itemBankTables.itemBanks.organisationId, theirs.office.id));
  const centre = await registerCentre(
    engine.deps.db,
    null,
    { organisationId: theirs.schoolA.id, name: 'Điểm thi', publicKey: generateSigningKeyPair().publicKey },
    { keySecret: engine.config.auditKey },
  );
  ids = {
    centre: centre.centreId,
    organisation: theirs.schoolA.id,
    user: theirs.teacherA.userId,
    class: theirs.classA.id,
    student: theirs.studentA.id,
    bank: bank!.id,
    item: itemId!,
    sitting: sitting.sittingId,
    session: session.sessionId,
    candidateNumber: sitting.candidates[0]!.candidateNumber,
    candidate: sitting.candidates[0]!.studentId,
    itemRef: 'Q1',
  };
  insider = await tokenFor(engine, theirs.admin);
  outsider = await tokenFor(engine, ours.admin);
  const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content?: object } }>>;
  };
  staffPaths = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security?.length && path.includes('{') && !/\/candidate(\/|$)/.test(path))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        bodyType: op.requestBody?.content ? Object.keys(op.requestBody.content)[0] : undefined,
      })),
  );
}, 180_000);
afterAll(() => engine?.dispose());

/** Which stored thing each path parameter names, by the path it stands in. */
function fill(path: string): string | undefined {
  let unknown = false;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const kind =
      name === 'version'
        ? '1'
        : name === 'candidateNumber'
          ? ids.candidateNumber
          : name === 'ref'
            ? ids.itemRef
            : name === 'organisationId'
              ? ids.organisation
              : name === 'sittingId'
                ? ids.sitting
                : name === 'candidateId'
                  ? ids.candidate
                  : /^\/api\/organisations\//.test(path)
                    ? ids.organisation
                    : /^\/api\/users\//.test(path)
                      ? ids.user
                      : /^\/api\/classes\//.test(path)
                        ? ids.class
                        : /^\/api\/students\//.test(path)
                          ? ids.student
                          : /^\/api\/item-banks\//.test(path)
                            ? ids.bank
                            : /^\/api\/(items|item-statistics\/items)\//.test(path)
                              ? ids.item
                              : /^\/api\/(sittings|reports\/sittings|marking\/sittings|results\/sittings)\//.test(
                                    path,
                                  )
                                ? ids.sitting
                                : /^\/api\/sessions\//.test(path)
                                  ? ids.session
                                  : /^\/api\/centres\//.test(path)
                                    ? ids.centre
                                    : undefined;
    if (kind === undefined) unknown = true;
    return kind ?? '';
  });
  return unknown ? undefined : filled;
}

/** Stored things no fixture here makes; a request about one is refused as missing either way. */
const WITHOUT_FIXTURE = new Set([
  '/api/tests/{id}',
  '/api/tests/{id}/preview',
  '/api/proctoring/snapshots/{id}',
  // A package imported on a centre node: it exists only on a centre, whose staff are the centre's own
  // (this engine is not one and answers 404 not_a_centre_node).
  '/api/centre-node/packages/{id}/open',
]);

describe('organisation scope on every staff operation that names a stored thing', () => {
  it("refuses another department's things to an admin who holds every permission", async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const op of staffPaths) {
      if (WITHOUT_FIXTURE.has(op.path)) continue;
      const url = fill(op.path);
      if (!url) {
        wrong.push(`${op.method} ${op.path}: no stored thing of this kind in the table`);
        continue;
      }
      const ask = (token: string) =>
        engine.app.request(url, {
          method: op.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(op.bodyType ? { 'content-type': op.bodyType } : {}),
          },
          ...(op.method === 'GET' ? {} : { body: op.bodyType ? '{}' : undefined }),
        });
      cases++;
      const outside = (await ask(outsider)).status;
      if (outside !== 403 && outside !== 404) wrong.push(`${op.method} ${op.path} from outside: ${outside}`);
      // The ids are real: the department that owns them is not refused (GETs, which need no body;
      // a photo route answers 404 when no photo is stored, and none is here).
      if (op.method === 'GET') {
        const inside = (await ask(insider)).status;
        const missingPhoto = inside === 404 && op.path.endsWith('/photo');
        if ((inside === 403 || inside === 404) && !missingPhoto)
          wrong.push(`${op.method} ${op.path} from inside: ${inside}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(50);
    console.log(
      `scope matrix: ${cases} operations naming a stored thing, each refused to another department`,
    );
  });

  it('knows no path it skips by name that the document no longer has', () => {
    for (const path of WITHOUT_FIXTURE) expect(staffPaths.some((op) => op.path === path)).toBe(true);
  });
});
