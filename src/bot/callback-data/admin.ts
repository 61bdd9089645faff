// The admin section's buttons and the centre editor's: one named callback per action (callback.ts).
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "../../services/audit.js";
import { callback, id, idOrNone, oneOf, page, type Field } from "./callback.js";

/** The search text travels in the button: at most SEARCH_TEXT_BYTES of UTF-8, no colon. */
export const SEARCH_TEXT_BYTES = 40;
const searchText: Field<string> = {
  read: z
    .string()
    .min(1)
    .refine((text) => !text.includes(":") && Buffer.byteLength(text) <= SEARCH_TEXT_BYTES),
  largest: "ж".repeat(SEARCH_TEXT_BYTES / 2),
};
const auditAction = oneOf(["all", ...AUDIT_ACTIONS] as const);

export const adminCallbacks = {
  home: callback("adm:home", {}),
  newCentre: callback("adm:new", {}),
  unanswered: callback("adm:faq", {}),
  find: callback("adm:find", {}),
  undelivered: callback("adm:out", {}),
  retryUndelivered: callback("adm:outr", {}),
  /** A region's centres; region 0: the centres without districts. */
  region: callback("adm:r", { regionId: idOrNone, page }),
  search: callback("adm:s", { page, text: searchText }),
  log: callback("adm:log", { page, action: auditAction, centreId: idOrNone, userId: idOrNone }),
  chooseKind: callback("adm:lk", { centreId: idOrNone, userId: idOrNone }),
  centre: callback("adm:c", { centreId: id }),
  edit: callback("adm:edit", { centreId: id }),
  invite: callback("adm:inv", { centreId: id }),
  staff: callback("adm:staff", { centreId: id, page }),
  remove: callback("adm:rm", { centreId: id, userId: id }),
};

export interface AuditView {
  action: AuditAction | "all";
  centreId: number;
  userId: number;
}
const ALL: AuditView = { action: "all", centreId: 0, userId: 0 };

/**
 * What an admin typed to find a centre, as it can travel in a button: no colons, spaces folded,
 * cut to SEARCH_TEXT_BYTES of UTF-8 at a character's boundary; null when nothing is left.
 */
export function searchTextOf(typed: string): string | null {
  let text = typed.replace(/:/g, " ").replace(/\s+/g, " ").trim();
  while (Buffer.byteLength(text) > SEARCH_TEXT_BYTES) text = [...text].slice(0, -1).join("");
  return text.trim() || null;
}

const a = adminCallbacks;
export const adminData = {
  home: () => a.home.pack({}),
  newCentre: () => a.newCentre.pack({}),
  unanswered: () => a.unanswered.pack({}),
  find: () => a.find.pack({}),
  undelivered: () => a.undelivered.pack({}),
  retryUndelivered: () => a.retryUndelivered.pack({}),
  region: (regionId: number, page = 1) => a.region.pack({ regionId, page }),
  search: (text: string, page = 1) => a.search.pack({ page, text }),
  log: (page: number, view: AuditView = ALL) => a.log.pack({ page, ...view }),
  chooseKind: (view: AuditView) => a.chooseKind.pack({ centreId: view.centreId, userId: view.userId }),
  centre: (centreId: number) => a.centre.pack({ centreId }),
  edit: (centreId: number) => a.edit.pack({ centreId }),
  invite: (centreId: number) => a.invite.pack({ centreId }),
  staff: (centreId: number, page = 1) => a.staff.pack({ centreId, page }),
  remove: (centreId: number, userId: number) => a.remove.pack({ centreId, userId }),
};

/** Inside the centre editor. */
export const centreEditorCallbacks = {
  back: callback("admc:back", {}),
  keep: callback("admc:keep", {}),
  regions: callback("admc:regions", {}),
  save: callback("admc:save", {}),
  region: callback("admc:r", { regionId: id }),
  district: callback("admc:d", { districtId: id }),
};
