/** `npm run migrate`: apply the committed migrations to the configured database and exit. */
import { createEngine, loadConfig } from '../engine/index.ts';

const engine = await createEngine(loadConfig());
await engine.close();
