import { UsageError } from '../errors.js';

// Replaced by the ledger work in progress; keeps the command table compiling meanwhile.
export async function runExportCommand(_argv: string[]): Promise<number> {
  throw new UsageError('this command is not available in this build yet');
}
