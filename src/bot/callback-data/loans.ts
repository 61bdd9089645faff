// The loans section's buttons: the menu's, and the calculator's answers (callback.ts).
import { callback, oneOf, optional } from "./callback.js";
import { LOAN_PURPOSES } from "../../domain/eligibility.js";

/** The calculator's answers by button. */
export const calculatorCallbacks = {
  purpose: callback("calc:purpose", { purpose: oneOf(LOAN_PURPOSES) }),
  kind: callback("calc:kind", { kind: oneOf(["annuity", "equal_principal"]) }),
  graceKind: callback("calc:gk", { graceKind: oneOf(["principal", "principal_and_interest"]) }),
  back: callback("calc:back", {}),
};

/** The loans menu's buttons (callback.ts): each opens a part of the section. */
export const loansCallbacks = {
  check: callback("loans:check", {}),
  calc: callback("loans:calc", { purpose: optional(oneOf(LOAN_PURPOSES)) }),
  got: callback("loans:got", {}),
  obligations: callback("loans:obligations", {}),
  where: callback("loans:where", {}),
};

/** "I got the loan"'s own button: back out of its questions. */
export const loanReceivedCallbacks = {
  back: callback("got:back", {}),
};
