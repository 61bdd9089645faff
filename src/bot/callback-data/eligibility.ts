import { z } from "zod";
import { colonSeparated } from "./codec.js";
import { BUSINESS_KINDS, LOAN_PURPOSES, LOAN_USES } from "../../domain/eligibility.js";

// elig:<question>:<answer>, elig:done, elig:back
export const parseEligibilityCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("elig"), z.literal("kind"), z.enum(BUSINESS_KINDS)]),
    z.tuple([z.literal("elig"), z.literal("tax"), z.enum(["yes", "no"])]),
    z.tuple([z.literal("elig"), z.literal("purpose"), z.enum(LOAN_PURPOSES)]),
    z.tuple([z.literal("elig"), z.literal("use"), z.enum(LOAN_USES)]),
    z.tuple([z.literal("elig"), z.enum(["done", "back"])]),
  ]),
);

export type EligibilityCallback = NonNullable<ReturnType<typeof parseEligibilityCallback>>;

export const eligibilityData = (...parts: string[]) => ["elig", ...parts].join(":");
