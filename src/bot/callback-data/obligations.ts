import { z } from "zod";
import { OBLIGATION_SERIES } from "../../domain/obligations.js";

// oblg:done:<obligation id>:<series>
const schema = z
  .string()
  .max(64)
  .regex(/^oblg:done:\d{1,9}:\w+$/)
  .transform((data) => data.split(":"))
  .pipe(z.tuple([z.literal("oblg"), z.literal("done"), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number), z.enum(OBLIGATION_SERIES)]));

export const OBLIGATION_CALLBACK = /^oblg:/;
export const obligationDoneData = (id: number, series: string) => `oblg:done:${id}:${series}`;

export function parseObligationCallback(data: string | undefined) {
  const parsed = schema.safeParse(data ?? "");
  return parsed.success ? { obligationId: parsed.data[2], series: parsed.data[3] } : null;
}
