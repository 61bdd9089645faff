import { z } from "zod";
import { colonSeparated } from "./codec.js";

// apl:mine[:<page>] | apl:start:<project> | apl:pos:<position> | apl:ok:<position> | apl:wd:<application>
export const parseApplicationsCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("apl"), z.literal("mine")]),
    z.tuple([z.literal("apl"), z.literal("mine"), z.string().regex(/^[1-9]\d{0,4}$/).transform(Number)]),
    z.tuple([z.literal("apl"), z.enum(["start", "pos", "ok", "wd"]), z.string().regex(/^[1-9]\d{0,8}$/).transform(Number)]),
  ]),
);

export const applicationsData = {
  mine: (page = 1) => (page === 1 ? "apl:mine" : `apl:mine:${page}`),
  start: (projectId: number) => `apl:start:${projectId}`,
  position: (positionId: number) => `apl:pos:${positionId}`,
  confirm: (positionId: number) => `apl:ok:${positionId}`,
  withdraw: (applicationId: number) => `apl:wd:${applicationId}`,
};

export const APPLICATIONS_CALLBACK = /^apl:/;
