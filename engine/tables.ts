/** Every table of the one relational schema, gathered from each folder's schema.ts. */
import { itemBankTables } from '../../item-bank/index.ts';
import * as engineTables from '../schema.ts';

export const tables = { ...engineTables, ...itemBankTables };
