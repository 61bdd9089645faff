import { z } from "zod";
import { LOAN_PURPOSES } from "../../domain/eligibility.js";

// The loans section: loans:<action>[:<purpose>], calc:<question>:<answer>, calc:back
const loansSchema = z
  .string()
  .max(64)
  .transform((data) => data.split(":"))
  .pipe(
    z.union([
      z.tuple([z.literal("loans"), z.enum(["check", "calc", "got", "obligations", "where"])]),
      z.tuple([z.literal("loans"), z.literal("calc"), z.enum(LOAN_PURPOSES)]),
    ]),
  );

const calcSchema = z
  .string()
  .max(64)
  .transform((data) => data.split(":"))
  .pipe(
    z.union([
      z.tuple([z.literal("calc"), z.literal("purpose"), z.enum(LOAN_PURPOSES)]),
      z.tuple([z.literal("calc"), z.literal("kind"), z.enum(["annuity", "equal_principal"])]),
      z.tuple([z.literal("calc"), z.literal("back")]),
    ]),
  );

export type LoansCallback = z.infer<typeof loansSchema>;
export type CalcCallback = z.infer<typeof calcSchema>;

export const LOANS_CALLBACK = /^loans:/;

export function parseLoansCallback(data: string | undefined): LoansCallback | null {
  const parsed = loansSchema.safeParse(data ?? "");
  return parsed.success ? parsed.data : null;
}

export function parseCalcCallback(data: string | undefined): CalcCallback | null {
  const parsed = calcSchema.safeParse(data ?? "");
  return parsed.success ? parsed.data : null;
}
