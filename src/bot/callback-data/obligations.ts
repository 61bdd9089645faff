import { z } from "zod";
import { OBLIGATION_SERIES } from "../../domain/obligations.js";
import { colonSeparated } from "./codec.js";

// oblg:done:<obligation id>:<series>
const parts = colonSeparated(
  z.tuple([z.literal("oblg"), z.literal("done"), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number), z.enum(OBLIGATION_SERIES)]),
);

export const OBLIGATION_CALLBACK = /^oblg:/;
export const obligationDoneData = (id: number, series: string) => `oblg:done:${id}:${series}`;

export function parseObligationCallback(data: string | undefined) {
  const parsed = parts(data);
  return parsed ? { obligationId: parsed[2], series: parsed[3] } : null;
}
