// The staff cabinet's buttons: one named callback per action (callback.ts).
import { REJECT_REASONS } from "../../domain/referral.js";
import { PROJECT_STATUSES } from "../../domain/project-status.js";
import { callback, id, idOrNone, oneOf, optional, page } from "./callback.js";
import { month, year } from "./reports.js";

const QUEUE_STATUSES = [
  "all",
  "submitted",
  "referred",
  "attention",
  "rejected",
  "hired",
  "no_show",
  "withdrawn",
] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUSES)[number];
const queueStatus = oneOf(QUEUE_STATUSES);

export const staffCallbacks = {
  home: callback("stf:home", {}),
  queue: callback("stf:q", { page, status: queueStatus, projectId: idOrNone }),
  chooseStatus: callback("stf:qs", { status: queueStatus, projectId: idOrNone }),
  chooseProject: callback("stf:qp", { status: queueStatus, page: optional(page) }),
  card: callback("stf:a", { applicationId: id }),
  showIin: callback("stf:iin", { applicationId: id }),
  refer: callback("stf:ref", { applicationId: id }),
  chooseRejectReason: callback("stf:rej", { applicationId: id }),
  reject: callback("stf:rr", { applicationId: id, reason: oneOf(REJECT_REASONS) }),
  hire: callback("stf:hire", { applicationId: id }),
  noShow: callback("stf:ns", { applicationId: id }),
  projects: callback("stf:prj", { page: optional(page) }),
  project: callback("stf:p", { projectId: id }),
  moveProject: callback("stf:st", { projectId: id, status: oneOf(PROJECT_STATUSES) }),
  import: callback("stf:imp", {}),
  figuresYear: callback("stf:fy", { projectId: id, year }),
  figures: callback("stf:fm", { projectId: id, month }),
  iinClaims: callback("stf:ic", { page }),
  iinClaim: callback("stf:icc", { claimId: id }),
  resolveIinClaim: callback("stf:icr", { claimId: id, decision: oneOf(["move", "decline"]) }),
  /** A one-time link for the representative of the project's contractor. */
  inviteContractor: callback("stf:inv", { projectId: id }),
  /** "Back" inside the typed answers of an action (staff-typed.ts). */
  typedBack: callback("stf:typed:back", {}),
};

const ACTIONS = {
  iin: staffCallbacks.showIin,
  ref: staffCallbacks.refer,
  rej: staffCallbacks.chooseRejectReason,
  hire: staffCallbacks.hire,
  ns: staffCallbacks.noShow,
};

/** The data of the cabinet's buttons, by what they do. */
export const staffData = {
  home: () => staffCallbacks.home.pack({}),
  queue: (page: number, status: QueueStatusFilter = "all", projectId = 0) =>
    staffCallbacks.queue.pack({ page, status, projectId }),
  chooseStatus: (status: QueueStatusFilter, projectId: number) =>
    staffCallbacks.chooseStatus.pack({ status, projectId }),
  chooseProject: (status: QueueStatusFilter, page = 1) => staffCallbacks.chooseProject.pack({ status, page }),
  card: (applicationId: number) => staffCallbacks.card.pack({ applicationId }),
  action: (action: keyof typeof ACTIONS, applicationId: number) => ACTIONS[action].pack({ applicationId }),
  reject: (applicationId: number, reason: (typeof REJECT_REASONS)[number]) =>
    staffCallbacks.reject.pack({ applicationId, reason }),
  projects: (page = 1) => staffCallbacks.projects.pack({ page }),
  project: (projectId: number) => staffCallbacks.project.pack({ projectId }),
  status: (projectId: number, status: (typeof PROJECT_STATUSES)[number]) =>
    staffCallbacks.moveProject.pack({ projectId, status }),
  import: () => staffCallbacks.import.pack({}),
  figuresYear: (projectId: number, year: number) => staffCallbacks.figuresYear.pack({ projectId, year }),
  figures: (projectId: number, month: string) => staffCallbacks.figures.pack({ projectId, month }),
  iinClaims: (page = 1) => staffCallbacks.iinClaims.pack({ page }),
  iinClaim: (claimId: number) => staffCallbacks.iinClaim.pack({ claimId }),
  resolveIinClaim: (claimId: number, decision: "move" | "decline") =>
    staffCallbacks.resolveIinClaim.pack({ claimId, decision }),
};
