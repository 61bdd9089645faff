import { z } from "zod";
import { colonSeparated } from "./codec.js";

// prj:ask (for a location) | prj:reg | prj:dist:<region> | prj:list:<district>:<page> | prj:near:<lat>:<lon>:<page>
// prj:card:<project>:<back> | prj:map:<project>, where <back> is d,<district>,<page> | n,<lat>,<lon>,<page> | -
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const coordinate = z.string().regex(/^-?\d{1,3}(\.\d{1,4})?$/).transform(Number);
const back = z.string().regex(/^(-|d,[1-9]\d{0,8},[1-9]\d{0,3}|n,-?\d{1,3}(\.\d{1,4})?,-?\d{1,3}(\.\d{1,4})?,[1-9]\d{0,3})$/);

export const parseProjectsCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("prj"), z.enum(["reg", "ask"])]),
    z.tuple([z.literal("prj"), z.literal("dist"), id]),
    z.tuple([z.literal("prj"), z.literal("list"), id, id]),
    z.tuple([z.literal("prj"), z.literal("near"), coordinate, coordinate, id]),
    z.tuple([z.literal("prj"), z.literal("card"), id, back]),
    z.tuple([z.literal("prj"), z.literal("map"), id]),
  ]),
);

export const PROJECTS_CALLBACK = /^prj:/;

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export const projectsData = {
  regions: () => "prj:reg",
  districts: (regionId: number) => `prj:dist:${regionId}`,
  district: (districtId: number, page: number) => `prj:list:${districtId}:${page}`,
  near: (lat: number, lon: number, page: number) => `prj:near:${round4(lat)}:${round4(lon)}:${page}`,
  card: (projectId: number, back: string) => `prj:card:${projectId}:${back}`,
  map: (projectId: number) => `prj:map:${projectId}`,
  backToDistrict: (districtId: number, page: number) => `d,${districtId},${page}`,
  backToNear: (lat: number, lon: number, page: number) => `n,${round4(lat)},${round4(lon)},${page}`,
};

/** The list a card's back button returns to. */
export function listDataOf(back: string): string | null {
  const [kind, a, b, c] = back.split(",");
  if (kind === "d") return projectsData.district(Number(a), Number(b));
  if (kind === "n") return projectsData.near(Number(a), Number(b), Number(c));
  return null;
}
