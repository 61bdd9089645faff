import { z } from "zod";
import { REJECT_REASONS } from "../../domain/referral.js";
import { PROJECT_STATUSES } from "../../domain/project-status.js";
import { colonSeparated } from "./codec.js";
import { monthPart, yearPart } from "./reports.js";

// stf:home | stf:q:<page>:<status|all>:<project|0> | stf:qp:<status|all>[:<page>] (choose the project filter)
// stf:a|iin|ref|rej|hire|ns:<application> | stf:rr:<application>:<reason>
// stf:prj[:<page>] | stf:p:<project> | stf:st:<project>:<status> | stf:imp
// stf:fy:<project>:<year> (months to enter figures for) | stf:fm:<project>:<yyyy-mm>
// stf:ic:<page> (IIN requests) | stf:icc:<request> | stf:icr:<request>:<move|decline>
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const page = z.string().regex(/^[1-9]\d{0,4}$/).transform(Number);
const queueStatus = z.enum(["all", "submitted", "referred", "rejected", "hired", "no_show", "withdrawn"]);
const projectFilter = z.string().regex(/^(0|[1-9]\d{0,8})$/).transform(Number);

export const parseStaffCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("stf"), z.enum(["home", "prj", "imp"])]),
    z.tuple([z.literal("stf"), z.literal("prj"), page]),
    z.tuple([z.literal("stf"), z.literal("q"), page, queueStatus, projectFilter]),
    z.tuple([z.literal("stf"), z.literal("qs"), queueStatus, projectFilter]),
    z.tuple([z.literal("stf"), z.literal("qp"), queueStatus]),
    z.tuple([z.literal("stf"), z.literal("qp"), queueStatus, page]),
    z.tuple([z.literal("stf"), z.enum(["a", "iin", "ref", "rej", "hire", "ns", "p"]), id]),
    z.tuple([z.literal("stf"), z.literal("rr"), id, z.enum(REJECT_REASONS)]),
    z.tuple([z.literal("stf"), z.literal("st"), id, z.enum(PROJECT_STATUSES)]),
    z.tuple([z.literal("stf"), z.literal("fy"), id, yearPart]),
    z.tuple([z.literal("stf"), z.literal("fm"), id, monthPart]),
    z.tuple([z.literal("stf"), z.literal("ic"), page]),
    z.tuple([z.literal("stf"), z.literal("icc"), id]),
    z.tuple([z.literal("stf"), z.literal("icr"), id, z.enum(["move", "decline"])]),
  ]),
);
export type QueueStatusFilter = z.infer<typeof queueStatus>;

export const staffData = {
  home: () => "stf:home",
  queue: (page: number, status: QueueStatusFilter = "all", projectId = 0) => `stf:q:${page}:${status}:${projectId}`,
  chooseStatus: (status: QueueStatusFilter, projectId: number) => `stf:qs:${status}:${projectId}`,
  chooseProject: (status: QueueStatusFilter, page = 1) => `stf:qp:${status}:${page}`,
  card: (applicationId: number) => `stf:a:${applicationId}`,
  action: (action: "iin" | "ref" | "rej" | "hire" | "ns", applicationId: number) => `stf:${action}:${applicationId}`,
  reject: (applicationId: number, reason: (typeof REJECT_REASONS)[number]) => `stf:rr:${applicationId}:${reason}`,
  projects: (page = 1) => `stf:prj:${page}`,
  project: (projectId: number) => `stf:p:${projectId}`,
  status: (projectId: number, status: (typeof PROJECT_STATUSES)[number]) => `stf:st:${projectId}:${status}`,
  import: () => "stf:imp",
  figuresYear: (projectId: number, year: number) => `stf:fy:${projectId}:${year}`,
  figures: (projectId: number, month: string) => `stf:fm:${projectId}:${month}`,
  iinClaims: (page = 1) => `stf:ic:${page}`,
  iinClaim: (claimId: number) => `stf:icc:${claimId}`,
  resolveIinClaim: (claimId: number, decision: "move" | "decline") => `stf:icr:${claimId}:${decision}`,
};

export const STAFF_CALLBACK = /^stf:/;
