// The registration conversation's buttons (and the IIN request's): named callbacks (callback.ts).
import { SEEKER_STATUSES } from "../../domain/person.js";
import { callback, id, oneOf, page } from "./callback.js";

export const registrationCallbacks = {
  back: callback("reg:back", {}),
  yes: callback("reg:yes", {}),
  no: callback("reg:no", {}),
  /** The regions' list (a place chosen from lists rather than shared). */
  list: callback("reg:list", {}),
  done: callback("reg:done", {}),
  any: callback("reg:any", {}),
  claim: callback("reg:claim", {}),
  status: callback("reg:status", { status: oneOf(SEEKER_STATUSES) }),
  region: callback("reg:region", { regionId: id }),
  district: callback("reg:district", { districtId: id }),
  profession: callback("reg:prof", { professionId: id }),
  page: callback("reg:page", { page }),
};
