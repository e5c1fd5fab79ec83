import { defineConfig } from 'drizzle-kit';

// One config collects every top-level folder's schema.ts; migrations are generated and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './engine/{people,sittings,delivery,proctoring,results,centres}/tables.ts',
    './{item-bank,grading,proctor}/schema.ts',
  ],
  out: './engine/platform/db/migrations',
  casing: 'snake_case',
});
