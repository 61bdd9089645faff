// "My profile": one named callback per action (callback.ts). seek:edit:<field> changes one field
// (the registration questions of that field).
import { callback, oneOf } from "./callback.js";

export const EDIT_FIELDS = ["name", "iin", "phone", "status", "place", "professions", "relocate"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export const profileCallbacks = {
  profile: callback("seek:profile", {}),
  register: callback("seek:register", {}),
  delete: callback("seek:delete", {}),
  deleteConfirmed: callback("seek:delete:yes", {}),
  subscription: callback("seek:sub", { on: oneOf(["on", "off"]) }),
  edit: callback("seek:edit", { field: oneOf(EDIT_FIELDS) }),
};

const c = profileCallbacks;
export const profileData = {
  profile: () => c.profile.pack({}),
  register: () => c.register.pack({}),
  delete: () => c.delete.pack({}),
  deleteConfirmed: () => c.deleteConfirmed.pack({}),
  subscription: (on: boolean) => c.subscription.pack({ on: on ? "on" : "off" }),
  edit: (field: EditField) => c.edit.pack({ field }),
};
