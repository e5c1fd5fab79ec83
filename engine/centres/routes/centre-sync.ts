/**
 * What a centre node asks of the central engine (mounted at /api/centre-sync), each request signed
 * with the centre's key (signed-request.ts) instead of a staff token:
 * - `POST /key` `{ sittingId }`: the sitting key, at or after the package's not-before time by the
 *   central clock (`key_too_early` before it), to a centre a package was sealed for;
 * - `POST /log` `{ sittingId, entries }`: a batch of the centre's result log, verified and imported
 *   exactly once with its sessions, answers and submits (apply-log-entries.ts); answers with the
 *   chain's head, so a centre resumes after it. An empty batch asks for the head.
 */
import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.ts';
import { errors } from '../../platform/errors.ts';
import { applyLogEntries } from '../central/apply-log-entries.ts';
import { importResultLog } from '../commands/import-result-log.ts';
import { releaseSittingKey } from '../commands/release-sitting-key.ts';
import { publicKeyOf } from '../ed25519.ts';
import { verifyCentreRequest } from '../signed-request.ts';
import { centres } from '../tables.ts';

const KeyRequest = z.strictObject({ sittingId: z.uuid() });
const LogRequest = z.strictObject({ sittingId: z.uuid(), entries: z.array(z.unknown()).max(2000) });

async function signedBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T) {
  const body = await c.req.text();
  const url = new URL(c.req.url);
  const centreId = await verifyCentreRequest(
    (name) => c.req.header(name),
    { method: c.req.method, path: url.pathname, body },
    async (id) => {
      const [row] = await c.var.deps.db
        .select({ publicKey: centres.publicKey })
        .from(centres)
        .where(eq(centres.id, id));
      return row ? publicKeyOf(row.publicKey) : undefined;
    },
  );
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw errors.badRequest('The body must be JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw errors.badRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return { centreId, input: parsed.data as z.output<T> };
}

export function centreSyncRoutes() {
  return new Hono<AppEnv>()
    .post('/key', async (c) => {
      const { centreId, input } = await signedBody(c, KeyRequest);
      const key = await releaseSittingKey(
        c.var.deps.db,
        { sittingId: input.sittingId, centreId },
        { keySecret: c.var.deps.config.auditKey },
        { ip: c.var.clientIp },
      );
      return c.json({ sittingKey: key.sittingKey.toString('base64'), keyId: key.keyId });
    })
    .post('/log', async (c) => {
      const { centreId, input } = await signedBody(c, LogRequest);
      const submitted: string[] = [];
      const batch = await importResultLog(
        c.var.deps.db,
        { centreId, sittingId: input.sittingId, entries: input.entries },
        { ip: c.var.clientIp },
        async (tx, fresh) => {
          const applied = await applyLogEntries(tx, fresh);
          submitted.push(...applied.submitted);
          return applied;
        },
      );
      for (const sessionId of submitted) c.var.deps.onSubmitted?.(sessionId);
      return c.json(batch);
    });
}
