import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "../../services/audit.js";
import { colonSeparated } from "./codec.js";

// adm:home | adm:new | adm:faq (unanswered questions) | adm:find (search a centre by name)
// adm:out (messages given up) | adm:outr (send them again)
// adm:r:<region, 0 = centres without districts>:<page> | adm:s:<page>:<search text>
// adm:log:<page>:<action|all>:<centre|0>:<person|0> | adm:lk:<centre|0>:<person|0> (choose the kind of action)
// adm:c|edit|inv:<centre> | adm:staff:<centre>:<page> | adm:rm:<centre>:<user>
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const idOrNone = z.string().regex(/^(0|[1-9]\d{0,8})$/).transform(Number);
const page = z.string().regex(/^[1-9]\d{0,4}$/).transform(Number);
const action = z.union([z.literal("all"), z.enum(AUDIT_ACTIONS)]);
/** The search text travels in the button: at most SEARCH_TEXT_BYTES of UTF-8, no colon. */
export const SEARCH_TEXT_BYTES = 40;
const searchText = z.string().min(1).refine((text) => Buffer.byteLength(text) <= SEARCH_TEXT_BYTES);

export const parseAdminCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("adm"), z.enum(["home", "new", "faq", "find", "out", "outr"])]),
    z.tuple([z.literal("adm"), z.enum(["c", "edit", "inv"]), id]),
    z.tuple([z.literal("adm"), z.literal("staff"), id, page]),
    z.tuple([z.literal("adm"), z.literal("r"), idOrNone, page]),
    z.tuple([z.literal("adm"), z.literal("s"), page, searchText]),
    z.tuple([z.literal("adm"), z.literal("log"), page, action, idOrNone, idOrNone]),
    z.tuple([z.literal("adm"), z.literal("lk"), idOrNone, idOrNone]),
    z.tuple([z.literal("adm"), z.literal("rm"), id, id]),
  ]),
);

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

export const adminData = {
  home: () => "adm:home",
  newCentre: () => "adm:new",
  unanswered: () => "adm:faq",
  find: () => "adm:find",
  undelivered: () => "adm:out",
  retryUndelivered: () => "adm:outr",
  region: (regionId: number, page = 1) => `adm:r:${regionId}:${page}`,
  search: (text: string, page = 1) => `adm:s:${page}:${text}`,
  log: (page: number, view: AuditView = ALL) => `adm:log:${page}:${view.action}:${view.centreId}:${view.userId}`,
  chooseKind: (view: AuditView) => `adm:lk:${view.centreId}:${view.userId}`,
  centre: (id: number) => `adm:c:${id}`,
  edit: (id: number) => `adm:edit:${id}`,
  invite: (id: number) => `adm:inv:${id}`,
  staff: (id: number, page = 1) => `adm:staff:${id}:${page}`,
  remove: (centreId: number, userId: number) => `adm:rm:${centreId}:${userId}`,
};

export const ADMIN_CALLBACK = /^adm:/;

// Inside the centre editor: admc:back|keep|regions|save | admc:r:<region> | admc:d:<district>
export const parseCentreEditorCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("admc"), z.enum(["back", "keep", "regions", "save"])]),
    z.tuple([z.literal("admc"), z.enum(["r", "d"]), id]),
  ]),
);
