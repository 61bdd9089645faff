import { z } from "zod";
import { colonSeparated } from "./codec.js";

// apl:mine | apl:start:<project> | apl:pos:<position> | apl:ok:<position> | apl:wd:<application>
export const parseApplicationsCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("apl"), z.literal("mine")]),
    z.tuple([z.literal("apl"), z.enum(["start", "pos", "ok", "wd"]), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number)]),
  ]),
);

export const applicationsData = {
  mine: () => "apl:mine",
  start: (projectId: number) => `apl:start:${projectId}`,
  position: (positionId: number) => `apl:pos:${positionId}`,
  confirm: (positionId: number) => `apl:ok:${positionId}`,
  withdraw: (applicationId: number) => `apl:wd:${applicationId}`,
};

export const APPLICATIONS_CALLBACK = /^apl:/;
