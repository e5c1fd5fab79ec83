/**
 * `npm start`: migrate, seed demo data on an empty database, serve everything on one port,
 * and print the URL and demo logins. Ctrl-C drains connections and closes the database.
 */
import { ConfigError, createEngine, createLogger, loadConfig, seedDemo } from '../engine/index.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const engine = await createEngine(config, { logger });
  // A test centre node holds only what its packages bring: no demo data.
  const demo = config.seedDemo && !config.centre ? await seedDemo(engine.deps.db) : undefined;
  const port = await engine.listen();

  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `  Exam engine is running at ${url}`,
    `  Database: ${engine.database.kind} (${engine.database.location})${config.redisUrl ? ', Redis: on' : ''}`,
    `  Candidates: ${url}/candidate/`,
    `  Health:   ${url}/health    API docs: ${url}/api/openapi.json`,
  ];
  if (engine.centre)
    lines.push(
      `  Test centre node of ${config.centre!.centralUrl}: packages ${engine.centre.status().length} opened;`,
      `    import with npm run centre -- import --package <file> (engine stopped) or POST ${url}/api/centre-node/packages`,
    );
  if (demo) {
    lines.push(
      `  Demo data ${demo.seeded ? 'created' : 'already present'}. Staff logins (POST ${url}/api/auth/login):`,
    );
    for (const login of demo.logins) {
      lines.push(
        `    ${login.role.padEnd(10)} ${login.username.padEnd(10)} / ${login.password}   (${login.organisation})`,
      );
    }
  }
  if (demo?.sitting) {
    const c = demo.sitting.candidate;
    lines.push(
      `  Take the demo exam "${demo.sitting.name}" at ${url}/candidate/`,
      `    access code ${demo.sitting.accessCode}, candidate number ${c.candidateNumber}, date of birth ${c.dateOfBirth} (${c.fullName})`,
    );
  }
  lines.push('  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await engine.close();
      console.log('Exam engine stopped: connections drained, database closed.');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
