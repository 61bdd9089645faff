import { z } from "zod";

/**
 * A parser of colon-separated callback data (Telegram allows 64 bytes): the parts are checked by
 * `parts`; anything else, stale or forged, gives null.
 */
export function colonSeparated<T extends z.ZodType<unknown, Array<string | undefined>>>(parts: T): (data: string | undefined) => z.output<T> | null {
  const schema = z.string().max(64).transform((data): Array<string | undefined> => data.split(":")).pipe(parts);
  return (data) => {
    const parsed = schema.safeParse(data ?? "");
    return parsed.success ? (parsed.data as z.output<T>) : null;
  };
}
