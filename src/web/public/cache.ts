// What the public pages show changes with the monthly figures, not with every visit: each page and
// file is made once and served from memory for a few minutes. Every cache is bounded (an LRU by
// count and, for pages, by size), drops what expired, and keeps no failure: the pages' parameters
// come from anyone on the internet, and the same process runs the bot.
import { LRUCache } from "lru-cache";

export interface BoundedCache<T> {
  get(key: string, make: () => Promise<T>): Promise<T>;
  /** Entries held now (made ones), for the tests and the metrics. */
  readonly size: number;
  /** The sum of the entries' sizes (sizeOf), 0 without one. */
  readonly bytes: number;
}

export interface CacheLimits<T> {
  ttlMs: number;
  /** Entries at most. */
  max: number;
  /** With sizeOf: their total size at most. */
  maxBytes?: number;
  sizeOf?: (value: T) => number;
}

export function boundedCache<T extends NonNullable<unknown>>(limits: CacheLimits<T>): BoundedCache<T> {
  const made = new LRUCache<string, T>({
    max: limits.max,
    ttl: limits.ttlMs,
    ttlAutopurge: true,
    ...(limits.sizeOf && limits.maxBytes
      ? { maxSize: limits.maxBytes, sizeCalculation: (value: T) => Math.max(1, limits.sizeOf!(value)) }
      : {}),
  });
  // Made once however many ask at the same time; bounded by the requests in flight.
  const making = new Map<string, Promise<T>>();
  return {
    get(key, make) {
      const hit = made.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = making.get(key);
      if (pending) return pending;
      const value = make()
        .then((result) => {
          made.set(key, result);
          return result;
        })
        .finally(() => making.delete(key));
      making.set(key, value);
      return value;
    },
    get size() {
      return made.size;
    },
    get bytes() {
      return made.calculatedSize ?? 0;
    },
  };
}

/** A string's size in memory: V8 keeps text with Cyrillic letters at two bytes a character. */
export const stringBytes = (text: string) => text.length * 2;
