import { z } from "zod";

// apl:mine | apl:start:<project> | apl:pos:<position> | apl:ok:<position> | apl:wd:<application>
const schema = z
  .string()
  .max(64)
  .transform((data) => data.split(":"))
  .pipe(
    z.union([
      z.tuple([z.literal("apl"), z.literal("mine")]),
      z.tuple([z.literal("apl"), z.enum(["start", "pos", "ok", "wd"]), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number)]),
    ]),
  );

export const APPLICATIONS_CALLBACK = /^apl:/;

export function parseApplicationsCallback(data: string | undefined) {
  const parsed = schema.safeParse(data ?? "");
  return parsed.success ? parsed.data : null;
}
