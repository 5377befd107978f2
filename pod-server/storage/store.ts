/**
 * The one narrow interface every storage backend implements. Paths are decoded resource
 * paths as produced by ldp/paths.ts: they start with '/', containers end with '/', and no
 * segment is '.', '..', empty, or contains '/', NUL or a reserved '$' suffix.
 *
 * Backends are dumb on purpose: conditional requests, the container/non-container naming
 * rule and authorization live above them, so every backend behaves the same.
 */
export interface ResourceMetadata {
  contentType: string;
  /** Strong validator, quoted, e.g. "3f2a-1". Changes on every write. */
  etag: string;
  modified: Date;
}

export interface StoredResource extends ResourceMetadata {
  /** For a container: its own stored triples (Turtle), without the generated ldp:contains. */
  body: Buffer;
}

/**
 * Runs inside the store's critical section for one path, with the resource's current
 * metadata; throwing aborts the write or delete. This is how conditional requests stay
 * atomic: of two writes racing with the same If-Match, exactly one sees its ETag.
 */
export type WriteCheck = (current: ResourceMetadata | undefined) => void | Promise<void>;

export interface ResourceStore {
  metadata(path: string): Promise<ResourceMetadata | undefined>;
  read(path: string): Promise<StoredResource | undefined>;
  /** Writes atomically; creates missing parent containers. Returns the new metadata. */
  write(path: string, body: Buffer, contentType: string, check?: WriteCheck): Promise<ResourceMetadata>;
  /** Removes one resource or one (empty) container. */
  delete(path: string, check?: WriteCheck): Promise<void>;
  /**
   * Adds bytes to the end of a document (creating it with the content type if missing),
   * without rewriting what is there: for append-only logs.
   */
  append(path: string, bytes: Buffer, contentType: string): Promise<ResourceMetadata>;
  /**
   * Cuts a document back to its first `size` bytes (nothing if it is shorter): to repair a log
   * whose last line a crash left unfinished. Needs no free space, unlike a rewrite. The check
   * runs in the critical section, as for write: a repair must not cut what was appended since.
   */
  truncate(path: string, size: number, check?: WriteCheck): Promise<void>;
  /** Paths of a container's direct members; child containers end with '/'. */
  children(containerPath: string): Promise<string[]>;
}

export const isContainerPath = (path: string): boolean => path.endsWith('/');

/** '/a/b/c' -> '/a/b/', '/a/b/' -> '/a/', '/' -> undefined */
export function parentPath(path: string): string | undefined {
  if (path === '/') return undefined;
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/** Every container from the root down to (not including) the path itself. */
export function ancestorPaths(path: string): string[] {
  const result: string[] = [];
  for (let p = parentPath(path); p !== undefined; p = parentPath(p)) result.unshift(p);
  return result;
}
