// A seeded random generator, so that the demo data is the same rows on every run.
// mulberry32: a few lines, well known, good enough for demo data (not for security).
export interface Random {
  next(): number; // [0, 1)
  int(min: number, max: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}

/** Splits a total into `parts` whole numbers, each at least `min`, in random proportions. */
export function splitTotal(random: Random, total: number, parts: number, min = 0): number[] {
  if (parts <= 0) return [];
  if (total < parts * min) throw new RangeError(`cannot split ${total} into ${parts} parts of at least ${min}`);
  const weights = Array.from({ length: parts }, () => 0.3 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - parts * min;
  const shares = weights.map((w) => min + Math.floor((w / sum) * spare));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) shares[i] = (shares[i] ?? 0) + 1;
  return shares;
}
