/** Names and URLs of the PostgreSQL databases the test suite creates. */
/**
 * The migrated template database of this test run: one per run (named by the global setup's process
 * id and passed to the test files in the environment), so two runs on one PostgreSQL server (two
 * checkouts, CI beside a developer) never drop or lock each other's template.
 */
export const TEMPLATE_DATABASE_PREFIX = 'exam_engine_test_template_';
export const TEMPLATE_DATABASE_ENV = 'EXAM_TEST_PG_TEMPLATE';
export const templateDatabase = () =>
  process.env[TEMPLATE_DATABASE_ENV] ?? `${TEMPLATE_DATABASE_PREFIX}${process.pid}`;

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
