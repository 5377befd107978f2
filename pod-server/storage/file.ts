import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { dirname, join } from 'node:path';
import { META_SUFFIX, TEMP_DIR, TEMP_SUFFIX, isInternalName, locate } from './file-paths.ts';
import { Conflict } from '../../service-kit/errors.ts';
import { BodyCache } from './body-cache.ts';
import { ByteLru } from '../../service-kit/byte-lru.ts';
import { KeyedLock } from './keyed-lock.ts';
import { ancestorPaths, type ResourceMetadata, type ResourceStore, type StoredResource, type WriteCheck } from './store.ts';
import { readSidecar, sidecarFor, typeOf, versionOf } from './sidecar.ts';

const TURTLE = 'text/turtle';
const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';

export interface FileStoreOptions {
  dataDir: string;
  /** fsync each file before it replaces the old one, so a power loss cannot leave it empty. */
  durable?: boolean;
}

/**
 * Plain files under DATA_DIR that a person can read and back up. Every write goes to a
 * temp file in DATA_DIR/tmp$ and is renamed over the target, so readers and crashes see the
 * old bytes or the new ones, never half. Content types other than Turtle sit in a small JSON
 * sidecar ('name.meta$') that names the body version it describes (sidecar.ts), so that the
 * body's rename alone decides which version, with which type, is there.
 */
export class FileStore implements ResourceStore {
  readonly #dataDir: string;
  readonly #tempDir: string;
  readonly #durable: boolean;
  /**
   * Metadata of resources seen so far, kept current by our own writes: this process is the
   * only writer of its DATA_DIR while it runs (edit files with the server stopped), so the
   * hot paths need no stat() and no sidecar read.
   */
  readonly #known = new ByteLru<ResourceMetadata>(METADATA_CACHE_BYTES);
  readonly #locks = new KeyedLock();
  readonly #bodies = new BodyCache();
  readonly #syncing = new Set<string>();
  #tempReady: Promise<void> | undefined;

  constructor(options: FileStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#tempDir = join(options.dataDir, TEMP_DIR);
    this.#durable = options.durable ?? true;
    // Start-up: temp files left by a crash are removed now, before any write makes new ones.
    this.#prepareTempDir().catch(() => undefined);
  }

  /** Empties DATA_DIR/tmp$ once (retried by the next write if the disk refused). */
  #prepareTempDir(): Promise<void> {
    this.#tempReady ??= (async () => {
      await rm(this.#tempDir, { recursive: true, force: true });
      await mkdir(this.#tempDir, { recursive: true });
    })().catch((error) => {
      this.#tempReady = undefined;
      throw error;
    });
    return this.#tempReady;
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
    const { file, meta: metaFile } = locate(this.#dataDir, path);
    let handle: FileHandle | undefined;
    try {
      handle = await open(file, 'r');
      let current = meta;
      if (metaFile) {
        // A write may have replaced the body since the metadata was read: describe the body we hold.
        const stats = await handle.stat({ bigint: true });
        const version = versionOf(stats);
        if (meta.etag !== `"${version}"`) {
          current = { contentType: typeOf(await readSidecar(metaFile), version), etag: `"${version}"`, modified: new Date(Number(stats.mtimeMs)) };
        }
      }
      const body = await handle.readFile();
      this.#bodies.set(path, current.etag, body);
      return { ...current, body };
    } catch (error) {
      if (!missing(error)) throw error;
      // A container without stored triples of its own; a vanished file is simply gone.
      if (!path.endsWith('/')) return undefined;
      this.#bodies.set(path, meta.etag, EMPTY);
      return { ...meta, body: EMPTY };
    } finally {
      await handle?.close();
    }
  }

  /**
   * The new bytes go to a temp file before the path's lock is taken, so the critical section
   * is the check, the sidecar (if any) and a rename: writes to one hot resource queue briefly.
   */
  async write(path: string, body: Buffer, contentType: string, check?: WriteCheck): Promise<ResourceMetadata> {
    const location = locate(this.#dataDir, path);
    if (location.dir) return this.#writeContainer(path, location.dir, location.file, body, check);
    const prepared = await this.#prepare(body);
    let renamed = false;
    try {
      return await this.#locks.run(path, async () => {
        const current = await this.metadata(path);
        await check?.(current);
        const written = await this.#commit(path, location.file, location.meta!, prepared, contentType, current);
        renamed = true;
        this.#bodies.set(path, written.etag, body);
        return written;
      });
    } finally {
      if (!renamed) await unlink(prepared.temp).catch(() => undefined);
    }
  }

  /**
   * Puts a prepared version in place: first the sidecar saying which type each version has
   * (this one and the one it replaces), then the body's rename, the one step that switches
   * versions. A crash before the rename leaves the old body, which the sidecar still types.
   */
  async #commit(path: string, file: string, metaFile: string, prepared: Prepared, contentType: string, current: ResourceMetadata | undefined): Promise<ResourceMetadata> {
    const version = versionOf(prepared.stats);
    const sidecar = sidecarFor(contentType, version, current);
    if (sidecar) {
      const { temp } = await this.#prepare(Buffer.from(JSON.stringify(sidecar)));
      await this.#renameIntoPlace(temp, metaFile).catch(async (error) => { await unlink(temp).catch(() => undefined); throw error; });
    }
    else if (!current) await rm(metaFile, { force: true }); // one left by a delete cut short would type this body
    await this.#renameIntoPlace(prepared.temp, file);
    this.#forget(path);
    const written = { contentType, etag: `"${version}"`, modified: new Date(Number(prepared.stats.mtimeMs)) };
    this.#remember(path, written);
    // Turtle needs no sidecar once its body is in place; one left by a crash here still says Turtle.
    if (contentType === TURTLE && sidecar) await rm(metaFile, { force: true }).catch(() => undefined);
    return written;
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
      const { temp } = await this.#prepare(body);
      await this.#renameIntoPlace(temp, bodyFile).catch(async (error) => { await unlink(temp).catch(() => undefined); throw error; });
      this.#forget(path);
      return (await this.metadata(path))!;
    });
  }

  /**
   * O_APPEND writes: the log grows at its end and nothing before is touched. Every byte is
   * written or the call fails, and a failed append (a full disk) is cut back off, so the file
   * never keeps half a line. The bytes are in the file (safe from a process crash) when this
   * resolves; with durable writes they are flushed to disk within APPEND_SYNC_MS, one flush
   * for all appends in that window, so that a busy log does not wait for the disk every line.
   */
  async append(path: string, bytes: Buffer, contentType: string): Promise<ResourceMetadata> {
    const location = locate(this.#dataDir, path);
    if (location.dir) throw new Error('Cannot append to a container');
    return this.#locks.run(path, async () => {
      const current = await this.metadata(path);
      if (!current) {
        // A new log is created whole, with its type, like any write.
        const prepared = await this.#prepare(bytes);
        try {
          return await this.#commit(path, location.file, location.meta!, prepared, contentType, undefined);
        } catch (error) {
          await unlink(prepared.temp).catch(() => undefined);
          throw error;
        }
      }
      const handle = await open(location.file, 'a');
      let stats: BigIntStats;
      try {
        let written = 0;
        try {
          await writeAll(handle, bytes, (count) => { written += count; });
        } catch (error) {
          // Only this append's bytes go: nobody else appends while the path's lock is held.
          if (written > 0) await handle.stat().then(({ size }) => handle.truncate(size - written)).catch(() => undefined);
          throw error;
        }
        stats = await handle.stat({ bigint: true });
      } finally {
        await handle.close();
      }
      if (this.#durable) this.#syncSoon(location.file);
      this.#forget(path);
      const appended = { contentType: current.contentType, etag: `"${versionOf(stats)}"`, modified: new Date(Number(stats.mtimeMs)) };
      this.#remember(path, appended);
      return appended;
    });
  }

  async truncate(path: string, size: number, check?: WriteCheck): Promise<void> {
    const location = locate(this.#dataDir, path);
    if (location.dir) throw new Error('Cannot truncate a container');
    await this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      const handle = await open(location.file, 'r+');
      try {
        if ((await handle.stat()).size > size) await handle.truncate(size);
        if (this.#durable) await handle.datasync();
      } finally {
        await handle.close();
      }
      this.#forget(path);
    });
  }

  async delete(path: string, check?: WriteCheck): Promise<void> {
    const location = locate(this.#dataDir, path);
    await this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      this.#forget(path);
      await rm(location.file, { force: true });
      if (location.dir) await this.#removeDir(location.dir);
      else await rm(location.meta!, { force: true });
    });
  }

  /** A container is empty when it lists no members, but may still hold leftovers of ours. */
  async #removeDir(dir: string): Promise<void> {
    try {
      await rmdir(dir);
    } catch (error) {
      if (missing(error)) return;
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const names = await readdir(dir);
      const leftovers = names.filter((name) => name.endsWith(TEMP_SUFFIX) || (name.endsWith(META_SUFFIX) && !names.includes(name.slice(0, -META_SUFFIX.length))));
      if (leftovers.length === 0) throw error;
      for (const name of leftovers) await rm(join(dir, name), { force: true });
      await rmdir(dir);
    }
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
    const version = versionOf(stats);
    return { contentType: typeOf(await readSidecar(metaFile), version), etag: `"${version}"`, modified: new Date(Number(stats.mtimeMs)) };
  }

  /** Writes the bytes to a new temp file; its stats become the new version's. */
  async #prepare(body: Buffer): Promise<Prepared> {
    await this.#prepareTempDir();
    const temp = join(this.#tempDir, randomBytes(8).toString('hex'));
    let handle: FileHandle | undefined;
    try {
      handle = await open(temp, 'wx');
      await writeAll(handle, body);
      if (this.#durable) await handle.sync();
      const stats = await handle.stat({ bigint: true });
      return { temp, stats };
    } catch (error) {
      await handle?.close();
      handle = undefined;
      await unlink(temp).catch(() => undefined);
      throw error;
    } finally {
      await handle?.close();
    }
  }

  /** Renames a temp file over its target, creating missing parent containers. */
  async #renameIntoPlace(temp: string, target: string): Promise<void> {
    try {
      await rename(temp, target);
    } catch (error) {
      if (!missing(error)) throw error;
      // First member of a new container; a document in the way means the path is taken.
      await mkdir(dirname(target), { recursive: true }).catch((mkdirError: NodeJS.ErrnoException) => {
        if (mkdirError.code === 'EEXIST' || mkdirError.code === 'ENOTDIR') throw new Conflict('A document on this path cannot contain other resources', 'parent_not_container');
        throw mkdirError;
      });
      await rename(temp, target);
    }
  }

  #remember(path: string, metadata: ResourceMetadata): void {
    this.#known.set(path, metadata, METADATA_BYTES + metadata.contentType.length * 2 + metadata.etag.length * 2);
  }

  /** A write or delete changes the path and the listing (hence the ETag) of every container above it. */
  #forget(path: string): void {
    this.#known.delete(path);
    this.#bodies.delete(path);
    for (const ancestor of ancestorPaths(path)) this.#known.delete(ancestor);
  }
}

interface Prepared { temp: string; stats: BigIntStats }

/** Memory for the metadata of resources seen (a few hundred bytes each: ~100k resources). */
const METADATA_CACHE_BYTES = 32 * 1024 * 1024;
/** A metadata object with its Date, beyond its strings. */
const METADATA_BYTES = 160;
const APPEND_SYNC_MS = 50;
const EMPTY = Buffer.alloc(0);

/** write(2) may write less than asked (a full disk): go on until all is written or it fails. */
async function writeAll(handle: FileHandle, bytes: Buffer, progress?: (count: number) => void): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('No space left on device (short write)'), { code: 'ENOSPC' });
    progress?.(bytesWritten);
    offset += bytesWritten;
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
