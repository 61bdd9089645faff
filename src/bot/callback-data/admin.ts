import { z } from "zod";
import { colonSeparated } from "./codec.js";

// adm:home | adm:new | adm:faq (unanswered questions) | adm:log:<page> | adm:c|edit|inv|staff:<centre> | adm:rm:<centre>:<user>
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);

export const parseAdminCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("adm"), z.enum(["home", "new", "faq"])]),
    z.tuple([z.literal("adm"), z.enum(["log", "c", "edit", "inv", "staff"]), id]),
    z.tuple([z.literal("adm"), z.literal("rm"), id, id]),
  ]),
);

export const adminData = {
  home: () => "adm:home",
  newCentre: () => "adm:new",
  unanswered: () => "adm:faq",
  log: (page: number) => `adm:log:${page}`,
  centre: (id: number) => `adm:c:${id}`,
  edit: (id: number) => `adm:edit:${id}`,
  invite: (id: number) => `adm:inv:${id}`,
  staff: (id: number) => `adm:staff:${id}`,
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
