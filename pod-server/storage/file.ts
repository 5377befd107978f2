import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { dirname } from 'node:path';
import { TEMP_SUFFIX, isInternalName, locate } from './file-paths.ts';
import type { ResourceMetadata, ResourceStore, StoredResource } from './store.ts';

const TURTLE = 'text/turtle';
const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

export interface FileStoreOptions {
  dataDir: string;
  /** fsync each file before it replaces the old one, so a power loss cannot leave it empty. */
  durable?: boolean;
}

/**
 * Plain files under DATA_DIR that a person can read and back up. Every write goes to a
 * temp file in the same directory and is renamed over the target, so readers and crashes
 * see the old bytes or the new ones, never half. Content types other than Turtle sit in a
 * small JSON sidecar ('name.meta$').
 */
export class FileStore implements ResourceStore {
  readonly #dataDir: string;
  readonly #durable: boolean;
  /** Content types read from sidecars; this process is the only writer of its DATA_DIR. */
  readonly #types = new Map<string, string>();

  constructor(options: FileStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#durable = options.durable ?? true;
  }

  async metadata(path: string): Promise<ResourceMetadata | undefined> {
    const location = locate(this.#dataDir, path);
    if (location.dir) return this.#containerMetadata(location.dir, location.file);
    const stats = await statOrUndefined(location.file);
    if (!stats || !stats.isFile()) return undefined;
    return { contentType: await this.#contentType(path, location.meta!), etag: etagOf(stats), modified: new Date(Number(stats.mtimeMs)) };
  }

  async read(path: string): Promise<StoredResource | undefined> {
    const meta = await this.metadata(path);
    if (!meta) return undefined;
    const { file } = locate(this.#dataDir, path);
    try {
      return { ...meta, body: await readFile(file) };
    } catch (error) {
      if (!missing(error)) throw error;
      // A container without stored triples of its own; a vanished file is simply gone.
      return path.endsWith('/') ? { ...meta, body: Buffer.alloc(0) } : undefined;
    }
  }

  async write(path: string, body: Buffer, contentType: string): Promise<ResourceMetadata> {
    const location = locate(this.#dataDir, path);
    await mkdir(location.dir ?? dirname(location.file), { recursive: true });
    if (location.meta) await this.#writeContentType(path, location.meta, contentType);
    await this.#atomicWrite(location.file, body);
    return (await this.metadata(path))!;
  }

  async delete(path: string): Promise<void> {
    const location = locate(this.#dataDir, path);
    if (location.dir) {
      await rm(location.file, { force: true });
      await rmdir(location.dir).catch((error) => { if (!missing(error)) throw error; });
      return;
    }
    await rm(location.file, { force: true });
    await rm(location.meta!, { force: true });
    this.#types.delete(path);
  }

  async children(containerPath: string): Promise<string[]> {
    const { dir } = locate(this.#dataDir, containerPath);
    try {
      const entries = await readdir(dir!, { withFileTypes: true });
      return entries
        .filter((entry) => !isInternalName(entry.name))
        .map((entry) => containerPath + entry.name + (entry.isDirectory() ? '/' : ''));
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
  }

  async #containerMetadata(dir: string, bodyFile: string): Promise<ResourceMetadata | undefined> {
    const dirStats = await statOrUndefined(dir);
    if (!dirStats || !dirStats.isDirectory()) return undefined;
    const bodyStats = await statOrUndefined(bodyFile);
    // The directory's mtime moves when members come and go, which changes the listing.
    const latest = bodyStats && bodyStats.mtimeNs > dirStats.mtimeNs ? bodyStats : dirStats;
    return {
      contentType: TURTLE,
      etag: `"${dirStats.ino.toString(36)}-${dirStats.mtimeNs.toString(36)}-${bodyStats ? bodyStats.mtimeNs.toString(36) : '0'}"`,
      modified: new Date(Number(latest.mtimeMs)),
    };
  }

  async #contentType(path: string, metaFile: string): Promise<string> {
    const known = this.#types.get(path);
    if (known) return known;
    let type = TURTLE;
    try {
      type = JSON.parse(await readFile(metaFile, 'utf8')).contentType ?? TURTLE;
    } catch (error) {
      if (!missing(error)) throw error;
    }
    this.#types.set(path, type);
    return type;
  }

  async #writeContentType(path: string, metaFile: string, contentType: string): Promise<void> {
    if (contentType === TURTLE) await rm(metaFile, { force: true });
    else await this.#atomicWrite(metaFile, Buffer.from(JSON.stringify({ contentType })));
    this.#types.set(path, contentType);
  }

  async #atomicWrite(file: string, body: Buffer): Promise<void> {
    const temp = `${dirname(file)}/.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    try {
      if (this.#durable) {
        const handle = await open(temp, 'w');
        try { await handle.writeFile(body); await handle.sync(); } finally { await handle.close(); }
      } else {
        await writeFile(temp, body);
      }
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

async function statOrUndefined(path: string): Promise<BigIntStats | undefined> {
  try {
    return await stat(path, { bigint: true });
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

/** Inode changes on every rename-into-place, so inode + mtime + size is a strong validator. */
function etagOf(stats: BigIntStats): string {
  return `"${stats.ino.toString(36)}-${stats.mtimeNs.toString(36)}-${stats.size.toString(36)}"`;
}

