// A job seeker's applications: one named callback per action (callback.ts).
import { callback, id, optional, page } from "./callback.js";

export const applicationsCallbacks = {
  /** My applications: the first page comes as a new message, the next ones replace it. */
  mine: callback("apl:mine", { page: optional(page) }),
  start: callback("apl:start", { projectId: id }),
  position: callback("apl:pos", { positionId: id }),
  confirm: callback("apl:ok", { positionId: id }),
  withdraw: callback("apl:wd", { applicationId: id }),
};

const c = applicationsCallbacks;
export const applicationsData = {
  mine: (page = 1) => c.mine.pack({ page: page === 1 ? undefined : page }),
  start: (projectId: number) => c.start.pack({ projectId }),
  position: (positionId: number) => c.position.pack({ positionId }),
  confirm: (positionId: number) => c.confirm.pack({ positionId }),
  withdraw: (applicationId: number) => c.withdraw.pack({ applicationId }),
};
