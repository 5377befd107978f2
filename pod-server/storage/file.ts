import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { dirname } from 'node:path';
import { TEMP_SUFFIX, isInternalName, locate } from './file-paths.ts';
import { Conflict } from '../errors.ts';
import { BodyCache } from './body-cache.ts';
import { KeyedLock } from './keyed-lock.ts';
import { ancestorPaths, type ResourceMetadata, type ResourceStore, type StoredResource, type WriteCheck } from './store.ts';

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
  /**
   * Metadata of resources seen so far, kept current by our own writes: this process is the
   * only writer of its DATA_DIR while it runs (edit files with the server stopped), so the
   * hot paths need no stat() and no sidecar read.
   */
  readonly #known = new Map<string, ResourceMetadata>();
  readonly #locks = new KeyedLock();
  readonly #bodies = new BodyCache();
  readonly #syncing = new Set<string>();

  constructor(options: FileStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#durable = options.durable ?? true;
  }

  async metadata(path: string): Promise<ResourceMetadata | undefined> {
    const known = this.#known.get(path);
    if (known) return known;
    const location = locate(this.#dataDir, path);
    const found = location.dir
      ? await this.#containerMetadata(location.dir, location.file)
      : await this.#documentMetadata(location.file, location.meta!);
    if (found) this.#remember(path, found);
    return found;
  }

  async read(path: string): Promise<StoredResource | undefined> {
    const meta = await this.metadata(path);
    if (!meta) return undefined;
    const cached = this.#bodies.get(path, meta.etag);
    if (cached) return { ...meta, body: cached };
    const { file } = locate(this.#dataDir, path);
    try {
      const body = await readFile(file);
      this.#bodies.set(path, meta.etag, body);
      return { ...meta, body };
    } catch (error) {
      if (!missing(error)) throw error;
      // A container without stored triples of its own; a vanished file is simply gone.
      if (!path.endsWith('/')) return undefined;
      this.#bodies.set(path, meta.etag, EMPTY);
      return { ...meta, body: EMPTY };
    }
  }

  /**
   * The new bytes go to a temp file before the path's lock is taken, so the critical section
   * is only the check and a rename: writes to one hot resource queue for microseconds.
   */
  async write(path: string, body: Buffer, contentType: string, check?: WriteCheck): Promise<ResourceMetadata> {
    const location = locate(this.#dataDir, path);
    if (location.dir) return this.#writeContainer(path, location.dir, location.file, body, check);
    const prepared = await this.#prepare(location.file, body);
    let renamed = false;
    try {
      return await this.#locks.run(path, async () => {
        const current = await this.metadata(path);
        await check?.(current);
        if (location.meta) await this.#writeContentType(location.meta, contentType, current);
        await rename(prepared.temp, location.file);
        renamed = true;
        this.#forget(path);
        const written = { contentType, etag: etagOf(prepared.stats), modified: new Date(Number(prepared.stats.mtimeMs)) };
        this.#remember(path, written);
        this.#bodies.set(path, written.etag, body);
        return written;
      });
    } finally {
      if (!renamed) await unlink(prepared.temp).catch(() => undefined);
    }
  }

  #syncSoon(file: string): void {
    if (this.#syncing.has(file)) return;
    this.#syncing.add(file);
    setTimeout(async () => {
      this.#syncing.delete(file);
      const handle = await open(file, 'r+').catch(() => undefined);
      await handle?.datasync().catch(() => undefined);
      await handle?.close();
    }, APPEND_SYNC_MS).unref();
  }

  /** Containers are written rarely (their own triples), so all of it happens under the lock. */
  async #writeContainer(path: string, dir: string, bodyFile: string, body: Buffer, check?: WriteCheck): Promise<ResourceMetadata> {
    return this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      await mkdir(dir, { recursive: true });
      await this.#atomicWrite(bodyFile, body);
      this.#forget(path);
      return (await this.metadata(path))!;
    });
  }

  /**
   * O_APPEND writes: the log grows at its end and nothing before is touched. The bytes are in
   * the file (safe from a process crash) when this resolves; with durable writes they are
   * flushed to disk within APPEND_SYNC_MS, one flush for all appends in that window, so
   * that a busy log does not wait for the disk on every line.
   */
  async append(path: string, bytes: Buffer, contentType: string): Promise<ResourceMetadata> {
    const location = locate(this.#dataDir, path);
    if (location.dir) throw new Error('Cannot append to a container');
    return this.#locks.run(path, async () => {
      const current = await this.metadata(path);
      if (!current) {
        if (location.meta) await this.#writeContentType(location.meta, contentType, undefined);
        await mkdir(dirname(location.file), { recursive: true });
      }
      const handle = await open(location.file, 'a');
      let stats: BigIntStats;
      try {
        await handle.write(bytes);
        stats = await handle.stat({ bigint: true });
      } finally {
        await handle.close();
      }
      if (this.#durable) this.#syncSoon(location.file);
      this.#forget(path);
      const appended = { contentType: current?.contentType ?? contentType, etag: etagOf(stats), modified: new Date(Number(stats.mtimeMs)) };
      this.#remember(path, appended);
      return appended;
    });
  }

  async delete(path: string, check?: WriteCheck): Promise<void> {
    const location = locate(this.#dataDir, path);
    await this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      this.#forget(path);
      await rm(location.file, { force: true });
      if (location.dir) await rmdir(location.dir).catch((error) => { if (!missing(error)) throw error; });
      else await rm(location.meta!, { force: true });
    });
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

  async #documentMetadata(file: string, metaFile: string): Promise<ResourceMetadata | undefined> {
    const stats = await statOrUndefined(file);
    if (!stats || !stats.isFile()) return undefined;
    let contentType = TURTLE;
    try {
      contentType = JSON.parse(await readFile(metaFile, 'utf8')).contentType ?? TURTLE;
    } catch (error) {
      if (!missing(error)) throw error;
    }
    return { contentType, etag: etagOf(stats), modified: new Date(Number(stats.mtimeMs)) };
  }

  /** Turtle needs no sidecar; when the previous version was Turtle too there is none to remove. */
  async #writeContentType(metaFile: string, contentType: string, previous: ResourceMetadata | undefined): Promise<void> {
    if (contentType !== TURTLE) await this.#atomicWrite(metaFile, Buffer.from(JSON.stringify({ contentType })));
    else if (previous?.contentType !== TURTLE) await rm(metaFile, { force: true });
  }

  /** Writes the bytes to a temp file beside the target; its stats become the new version's. */
  async #prepare(file: string, body: Buffer): Promise<{ temp: string; stats: BigIntStats }> {
    const temp = `${dirname(file)}/.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    let handle;
    try {
      handle = await open(temp, 'w').catch(async (error) => {
        if (!missing(error)) throw error;
        // First member of a new container; a document in the way means the path is taken.
        await mkdir(dirname(file), { recursive: true }).catch((mkdirError: NodeJS.ErrnoException) => {
          if (mkdirError.code === 'EEXIST' || mkdirError.code === 'ENOTDIR') throw new Conflict('A document on this path cannot contain other resources', 'parent_not_container');
          throw mkdirError;
        });
        return open(temp, 'w');
      });
      await handle.writeFile(body);
      if (this.#durable) await handle.sync();
      const stats = await handle.stat({ bigint: true });
      return { temp, stats };
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    } finally {
      await handle?.close();
    }
  }

  async #atomicWrite(file: string, body: Buffer): Promise<void> {
    const { temp } = await this.#prepare(file, body);
    try {
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  #remember(path: string, metadata: ResourceMetadata): void {
    if (this.#known.size >= KNOWN_LIMIT) this.#known.clear();
    this.#known.set(path, metadata);
  }

  /** A write or delete changes the path and the listing (hence the ETag) of every container above it. */
  #forget(path: string): void {
    this.#known.delete(path);
    this.#bodies.delete(path);
    for (const ancestor of ancestorPaths(path)) this.#known.delete(ancestor);
  }
}

const KNOWN_LIMIT = 100_000;
const APPEND_SYNC_MS = 50;
const EMPTY = Buffer.alloc(0);

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

