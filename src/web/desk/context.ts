// What every desk route shares: its dependencies, the staff member a request was checked for, and
// input validation (@hono/zod-validator) whose refusal names the fields in the person's words.
import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import type { i18n } from "i18next";
import { z } from "zod";
import type { Logger } from "../../logger.js";
import type { Services } from "../../services/index.js";
import type { View } from "./page.js";

export interface DeskDeps {
  services: Services;
  i18n: i18n;
  botToken: string;
  /** WEB_APP_URL's path, without a trailing slash ("" at the root). */
  base: string;
  now: () => Date;
  log: Logger;
  /** Whether the demo history is still being loaded (a first start on the embedded database). */
  demoLoading?: () => boolean;
}

export interface Staff {
  userId: number;
  telegramId: number;
  view: View;
}

export type DeskEnv = { Variables: { staff: Staff } };

export const staffOf = (c: Context<DeskEnv>) => c.get("staff");

/** A query, form or path the desk cannot take: the fields named (errors.tsx says which, in the person's words). */
export class BadInput extends Error {
  constructor(readonly fields: string[]) {
    super("bad input");
  }
}

/** zValidator whose refusal is a BadInput, answered by the desk's error page in the person's language. */
export const valid = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success)
      throw new BadInput([...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))]);
  });

const blank = (value: unknown) => (value === "" ? undefined : value);
/** A field that may be left empty: "" is no value. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((text) => new Date(`${text}T00:00:00Z`))
  .refine((day) => !Number.isNaN(day.getTime()));
export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParam = z.object({ id });
export const monthText = z.string().regex(/^\d{4}-\d{2}$/);

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The ASCII file name and the UTF-8 one (RFC 6266), for a download. */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
