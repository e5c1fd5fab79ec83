/** Column types drizzle does not ship, shared by every capability's tables. */
import { customType } from 'drizzle-orm/pg-core';

/** Binary data (photos, snapshots) as a Buffer, whichever driver (postgres or PGlite) read it. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
