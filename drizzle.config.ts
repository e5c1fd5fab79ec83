import { defineConfig } from 'drizzle-kit';

// One config collects every top-level folder's schema.ts; migrations are generated and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './{engine,item-bank,grading,proctor}/schema.ts',
  out: './engine/db/migrations',
  casing: 'snake_case',
});
