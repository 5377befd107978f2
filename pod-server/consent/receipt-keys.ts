import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JWK } from 'jose';

export interface ReceiptKeys { kid: string; privateJwk: JWK; publicJwk: JWK }

/**
 * The key that signs consent receipts, kept in DATA_DIR so receipts issued before a restart
 * still verify after it (in memory with memory storage).
 */
export async function loadOrCreateReceiptKeys(file: string | undefined, generate: (kid: string) => Promise<ReceiptKeys>): Promise<ReceiptKeys> {
  if (file) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text) return JSON.parse(text) as ReceiptKeys;
  }
  const keys = await generate(`receipt-${Date.now().toString(36)}`);
  if (file) {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(`${file}.tmp`, JSON.stringify(keys), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }
  return keys;
}
