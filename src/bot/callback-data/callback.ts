// Named, typed callback data: one definition per action — its prefix and its fields — gives the
// data a button carries (pack), reads it back (unpack: null for anything stale or forged) and routes
// it (filter, for grammY's callbackQuery). Telegram allows 64 bytes of callback data: every field
// knows its largest value, and test/unit/callbacks.test.ts packs each action with them.
import { z } from "zod";

/** Telegram's limit of a button's callback data, in bytes of UTF-8. */
export const CALLBACK_DATA_BYTES = 64;

/** One part of the data: how it is read from its text, and its longest text (for the 64-byte check). */
export interface Field<T> {
  read: z.ZodType<T, string>;
  /** Its text, when String() is not it (a value with parts of its own). */
  write?(value: T): string;
  largest: string;
  /** Absent parts at the end of the data read as undefined (older buttons carried fewer). */
  optional?: boolean;
}

type Fields = Record<string, Field<unknown>>;
export type ValueOf<F extends Fields> = {
  [K in keyof F]: F[K] extends Field<infer T> ? (F[K]["optional"] extends true ? T | undefined : T) : never;
};

export interface Callback<F extends Fields> {
  readonly prefix: string;
  readonly fields: F;
  /** Matches this action's data only: the prefix alone, or the prefix and a colon when it has fields. */
  readonly filter: RegExp;
  pack(value: ValueOf<F>): string;
  unpack(data: string | undefined): ValueOf<F> | null;
  /** The data with every field at its largest. */
  largest(): string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function callback<F extends Fields>(prefix: string, fields: F): Callback<F> {
  const names = Object.keys(fields);
  const required = names.filter((name) => !fields[name]!.optional).length;
  // Exact for an action without fields ("seek:delete" is not "seek:delete:yes"), "prefix:" for one with.
  const filter = new RegExp(`^${escapeRegExp(prefix)}${names.length === 0 ? "$" : required === 0 ? "(:|$)" : ":"}`);
  const unpack = (data: string | undefined): ValueOf<F> | null => {
    if (data === undefined || Buffer.byteLength(data) > CALLBACK_DATA_BYTES || !filter.test(data)) return null;
    const parts = data === prefix ? [] : data.slice(prefix.length + 1).split(":");
    if (parts.length < required || parts.length > names.length) return null;
    const value: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) {
      if (parts[i] === undefined) continue;
      const read = fields[name]!.read.safeParse(parts[i]);
      if (!read.success) return null;
      value[name] = read.data;
    }
    return value as ValueOf<F>;
  };
  const pack = (value: ValueOf<F>): string => {
    const parts = names.map((name) => {
      const part = (value as Record<string, unknown>)[name];
      const write = fields[name]!.write as ((value: unknown) => string) | undefined;
      return part === undefined ? undefined : write ? write(part) : String(part);
    });
    while (parts.length > required && parts.at(-1) === undefined) parts.pop();
    const data = [prefix, ...parts].join(":");
    // A button that Telegram would refuse, or whose data would not read back, is a bug here, not bad input.
    if (Buffer.byteLength(data) > CALLBACK_DATA_BYTES || unpack(data) === null)
      throw new RangeError(`callback data "${data}" is not valid for ${prefix}`);
    return data;
  };
  return {
    prefix,
    fields,
    filter,
    pack,
    unpack,
    largest: () => [prefix, ...names.map((name) => fields[name]!.largest)].join(":"),
  };
}

/** A record's id: 1 to 999,999,999. */
export const id: Field<number> = {
  read: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
  largest: "999999999",
};
/** An id or 0 for "none" (no filter). */
export const idOrNone: Field<number> = {
  read: z
    .string()
    .regex(/^(0|[1-9]\d{0,8})$/)
    .transform(Number),
  largest: "999999999",
};
/** A page of a list: 1 to 99,999. */
export const page: Field<number> = {
  read: z
    .string()
    .regex(/^[1-9]\d{0,4}$/)
    .transform(Number),
  largest: "99999",
};
/** One of a few words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T): Field<T[number]> => ({
  read: z.enum(values) as unknown as z.ZodType<T[number], string>,
  largest: [...values].sort((a, b) => Buffer.byteLength(b) - Buffer.byteLength(a))[0]!,
});
/** Text that travels in the data: no colon, at most `bytes` of UTF-8. */
export const text = (bytes: number): Field<string> => ({
  read: z
    .string()
    .min(1)
    .refine((value) => !value.includes(":") && Buffer.byteLength(value) <= bytes),
  largest: "ж".repeat(Math.floor(bytes / 2)),
});
/** A field that older buttons may lack at the end of their data. */
export const optional = <T>(field: Field<T>): Field<T> & { optional: true } => ({ ...field, optional: true });

export type Actions = Record<string, Callback<Fields>>;
export type Pressed<A extends Actions> = {
  [K in keyof A]: { action: K; data: A[K] extends Callback<infer F> ? ValueOf<F> : never };
}[keyof A];

/** Which of several actions some data is, with its values; null for none (inside a conversation's loop). */
export function whichOf<A extends Actions>(actions: A, data: string | undefined): Pressed<A> | null {
  for (const [action, codec] of Object.entries(actions)) {
    const value = codec.unpack(data);
    if (value) return { action, data: value } as Pressed<A>;
  }
  return null;
}
