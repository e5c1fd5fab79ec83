/** Names and URLs of the PostgreSQL databases the test suite creates. */
export const TEMPLATE_DATABASE = 'exam_engine_test_template';

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
