/** What every command is told about the request that asked for it, for its audit row. */
export interface CommandContext {
  /** The client's address (behind a trusted proxy, the forwarded one); absent for the CLI and sweepers. */
  ip?: string;
}
