// The buttons of contractors' representatives and of the job seeker's follow-up (callback.ts).
import type { RejectReason } from "../../domain/referral.js";
import { NOT_HIRED_REASONS } from "../../services/follow-ups.js";
import { callback, id, oneOf } from "./callback.js";

/** What a contractor may give as the reason someone was not hired ("other" needs a text: staff's). */
export const CONTRACTOR_REASONS = ["requirements", "position_filled"] as const satisfies readonly RejectReason[];

export const contractorCallbacks = {
  projects: callback("ctr:home", {}),
  project: callback("ctr:p", { projectId: id }),
  person: callback("ctr:a", { applicationId: id }),
  hire: callback("ctr:hire", { applicationId: id }),
  noShow: callback("ctr:ns", { applicationId: id }),
  notHired: callback("ctr:nh", { applicationId: id }),
  reason: callback("ctr:rr", { applicationId: id, reason: oneOf(CONTRACTOR_REASONS) }),
};

export const followUpCallbacks = {
  answer: callback("fu:a", { applicationId: id, outcome: oneOf(["hired", "waiting", "not_hired"] as const) }),
  reason: callback("fu:r", { applicationId: id, reason: oneOf(NOT_HIRED_REASONS) }),
};
