/** `npm run seed`: fill an empty database with the demo organisations, staff and students. */
import { createEngine, loadConfig, seedDemo } from '../engine/index.ts';

const engine = await createEngine(loadConfig());
const result = await seedDemo(engine.deps.db);
console.log(result.seeded ? 'Demo data created.' : 'The database already holds data; nothing seeded.');
await engine.close();
