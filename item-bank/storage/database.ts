/** The database handle item-bank storage works on: any drizzle PostgreSQL database (PGlite or postgres). */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ItemBankDatabase = PgDatabase<PgQueryResultHKT, any>;
export type ItemBankExecutor =
  ItemBankDatabase | Parameters<Parameters<ItemBankDatabase['transaction']>[0]>[0];
