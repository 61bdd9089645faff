import { z } from "zod";
import { colonSeparated } from "./codec.js";
import { LOAN_PURPOSES } from "../../domain/eligibility.js";

// The loans section: loans:<action>[:<purpose>], calc:<question>:<answer>, calc:back
export const parseLoansCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("loans"), z.enum(["check", "calc", "got", "obligations", "where"])]),
    z.tuple([z.literal("loans"), z.literal("calc"), z.enum(LOAN_PURPOSES)]),
  ]),
);

export const parseCalcCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("calc"), z.literal("purpose"), z.enum(LOAN_PURPOSES)]),
    z.tuple([z.literal("calc"), z.literal("kind"), z.enum(["annuity", "equal_principal"])]),
    z.tuple([z.literal("calc"), z.literal("gk"), z.enum(["principal", "principal_and_interest"])]),
    z.tuple([z.literal("calc"), z.literal("back")]),
  ]),
);

export const LOANS_CALLBACK = /^loans:/;
