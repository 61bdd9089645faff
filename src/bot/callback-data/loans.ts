import { z } from "zod";
import { colonSeparated } from "./codec.js";
import { callback, oneOf, optional } from "./callback.js";
import { LOAN_PURPOSES } from "../../domain/eligibility.js";

// The loans section: the menu's buttons, and the calculator's answers calc:<question>:<answer>, calc:back
export const parseCalcCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("calc"), z.literal("purpose"), z.enum(LOAN_PURPOSES)]),
    z.tuple([z.literal("calc"), z.literal("kind"), z.enum(["annuity", "equal_principal"])]),
    z.tuple([z.literal("calc"), z.literal("gk"), z.enum(["principal", "principal_and_interest"])]),
    z.tuple([z.literal("calc"), z.literal("back")]),
  ]),
);

/** The loans menu's buttons (callback.ts): each opens a part of the section. */
export const loansCallbacks = {
  check: callback("loans:check", {}),
  calc: callback("loans:calc", { purpose: optional(oneOf(LOAN_PURPOSES)) }),
  got: callback("loans:got", {}),
  obligations: callback("loans:obligations", {}),
  where: callback("loans:where", {}),
};
