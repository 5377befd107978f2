import { randomUUID } from 'node:crypto';
import { KeyedLock } from './keyed-lock.ts';
import { ancestorPaths, isContainerPath, parentPath, type ResourceMetadata, type ResourceStore, type StoredResource, type WriteCheck } from './store.ts';

interface Entry { body: Buffer; contentType: string; modified: Date; version: number; members?: Set<string> }

/** Keeps everything in a Map: for tests and throwaway servers. */
export class MemoryStore implements ResourceStore {
  readonly #entries = new Map<string, Entry>();
  readonly #instance = randomUUID().slice(0, 8);
  readonly #locks = new KeyedLock();
  #version = 0;

  async metadata(path: string): Promise<ResourceMetadata | undefined> {
    const entry = this.#entries.get(path);
    return entry && this.#meta(entry);
  }

  async read(path: string): Promise<StoredResource | undefined> {
    const entry = this.#entries.get(path);
    return entry && { ...this.#meta(entry), body: entry.body };
  }

  async write(path: string, body: Buffer, contentType: string, check?: WriteCheck): Promise<ResourceMetadata> {
    return this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      return this.#meta(this.#create(path, Buffer.from(body), contentType));
    });
  }

  async append(path: string, bytes: Buffer, contentType: string): Promise<ResourceMetadata> {
    return this.#locks.run(path, async () => {
      const existing = this.#entries.get(path);
      if (!existing) return this.#meta(this.#create(path, Buffer.from(bytes), contentType));
      existing.body = Buffer.concat([existing.body, bytes]);
      this.#touch(existing);
      return this.#meta(existing);
    });
  }

  async truncate(path: string, size: number, check?: WriteCheck): Promise<void> {
    await this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      const existing = this.#entries.get(path);
      if (!existing || existing.body.length <= size) return;
      existing.body = existing.body.subarray(0, size);
      this.#touch(existing);
    });
  }

  async delete(path: string, check?: WriteCheck): Promise<void> {
    await this.#locks.run(path, async () => {
      await check?.(await this.metadata(path));
      this.#remove(path);
    });
  }

  #create(path: string, body: Buffer, contentType: string): Entry {
    for (const ancestor of ancestorPaths(path)) {
      if (!this.#entries.has(ancestor)) this.#set(ancestor, Buffer.alloc(0), 'text/turtle');
    }
    return this.#set(path, body, contentType);
  }

  #remove(path: string): void {
    if (!this.#entries.delete(path)) return;
    const parent = parentPath(path);
    const parentEntry = parent === undefined ? undefined : this.#entries.get(parent);
    if (parentEntry) { parentEntry.members!.delete(path); this.#touch(parentEntry); }
  }

  async children(containerPath: string): Promise<string[]> {
    return [...(this.#entries.get(containerPath)?.members ?? [])];
  }

  #set(path: string, body: Buffer, contentType: string): Entry {
    const previous = this.#entries.get(path);
    const entry: Entry = { body, contentType, modified: new Date(), version: ++this.#version, members: previous?.members };
    if (isContainerPath(path) && !entry.members) entry.members = new Set();
    this.#entries.set(path, entry);
    const parent = parentPath(path);
    const parentEntry = parent === undefined ? undefined : this.#entries.get(parent);
    if (parentEntry && !parentEntry.members!.has(path)) { parentEntry.members!.add(path); this.#touch(parentEntry); }
    return entry;
  }

  /** A container's representation lists its members, so membership changes are modifications. */
  #touch(entry: Entry): void {
    entry.modified = new Date();
    entry.version = ++this.#version;
  }

  #meta(entry: Entry): ResourceMetadata {
    return { contentType: entry.contentType, etag: `"${this.#instance}-${entry.version}"`, modified: entry.modified };
  }
}
