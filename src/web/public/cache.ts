// What the public pages show changes with the monthly figures, not with every visit: each page and
// file is made once and served from memory for a few minutes.
export interface TtlCache<T> {
  get(key: string, make: () => Promise<T>): Promise<T>;
}

export function ttlCache<T>(ttlMs: number, now: () => number = Date.now): TtlCache<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, make) {
      const entry = entries.get(key);
      if (entry && now() - entry.at < ttlMs) return entry.value;
      const value = make();
      entries.set(key, { at: now(), value });
      value.catch(() => entries.delete(key)); // a failure is not kept: the next visit tries again
      return value;
    },
  };
}
