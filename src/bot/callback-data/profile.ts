import { z } from "zod";
import { colonSeparated } from "./codec.js";

// seek:<profile|register|delete> | seek:delete:yes | seek:sub:<on|off>
// seek:edit:<field> — change one field of "My profile" (the registration questions of that field)
export const EDIT_FIELDS = ["name", "iin", "phone", "status", "place", "professions", "relocate"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export const parseProfileCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("seek"), z.enum(["profile", "register", "delete"])]),
    z.tuple([z.literal("seek"), z.literal("delete"), z.literal("yes")]),
    z.tuple([z.literal("seek"), z.literal("sub"), z.enum(["on", "off"])]),
    z.tuple([z.literal("seek"), z.literal("edit"), z.enum(EDIT_FIELDS)]),
  ]),
);

export const profileData = {
  profile: () => "seek:profile",
  register: () => "seek:register",
  delete: () => "seek:delete",
  deleteConfirmed: () => "seek:delete:yes",
  subscription: (on: boolean) => `seek:sub:${on ? "on" : "off"}`,
  edit: (field: EditField) => `seek:edit:${field}`,
};

export const PROFILE_CALLBACK = /^seek:/;
