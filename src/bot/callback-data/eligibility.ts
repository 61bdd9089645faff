// The eligibility check's buttons: named callbacks (callback.ts).
import { BUSINESS_KINDS, LOAN_PURPOSES, LOAN_USES } from "../../domain/eligibility.js";
import { callback, oneOf } from "./callback.js";

export const eligibilityCallbacks = {
  kind: callback("elig:kind", { kind: oneOf(BUSINESS_KINDS) }),
  tax: callback("elig:tax", { answer: oneOf(["yes", "no"]) }),
  purpose: callback("elig:purpose", { purpose: oneOf(LOAN_PURPOSES) }),
  use: callback("elig:use", { use: oneOf(LOAN_USES) }),
  done: callback("elig:done", {}),
  back: callback("elig:back", {}),
};
