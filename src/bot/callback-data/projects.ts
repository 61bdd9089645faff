import { z } from "zod";
import { WORK_KINDS, type ListFilter } from "../../services/projects.js";
import { colonSeparated } from "./codec.js";

// prj:ask (for a location) | prj:reg | prj:dist:<region> | prj:list:<district>:<page>[:<filter>]
// prj:near:<lat>:<lon>:<page>[:<filter>] | prj:card:<project>:<back> | prj:map:<project> | prj:kinds:<back>
// <back> is d,<district>,<page>[,<filter>] | n,<lat>,<lon>,<page>[,<filter>] | -
// <filter> is 1 or 0 (my professions only) and the kind of work's index in WORK_KINDS or - (any).
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const COORDINATE = /^-?\d{1,3}(\.\d{1,4})?$/;
const coordinate = z.string().regex(COORDINATE).transform(Number);
const FILTER = /^[01][-0-9]$/;
const filter = z.string().regex(FILTER).optional();
const back = z.string().regex(/^(-|d,[1-9]\d{0,8},[1-9]\d{0,3}(,[01][-0-9])?|n,-?\d{1,3}(\.\d{1,4})?,-?\d{1,3}(\.\d{1,4})?,[1-9]\d{0,3}(,[01][-0-9])?)$/);

export const parseProjectsCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("prj"), z.enum(["reg", "ask"])]),
    z.tuple([z.literal("prj"), z.literal("dist"), id]),
    z.tuple([z.literal("prj"), z.literal("list"), id, id, filter]),
    z.tuple([z.literal("prj"), z.literal("near"), coordinate, coordinate, id, filter]),
    z.tuple([z.literal("prj"), z.literal("card"), id, back]),
    z.tuple([z.literal("prj"), z.literal("kinds"), back]),
    z.tuple([z.literal("prj"), z.literal("map"), id]),
  ]),
);

export const PROJECTS_CALLBACK = /^prj:/;

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export function encodeFilter(filter: ListFilter): string {
  return `${filter.mine ? 1 : 0}${filter.kind ? WORK_KINDS.indexOf(filter.kind) : "-"}`;
}

/** The filter of callback data; undefined when the data carried none (a list opened afresh). */
export function decodeFilter(text: string | undefined): ListFilter | undefined {
  if (!text || !FILTER.test(text)) return undefined;
  return { mine: text[0] === "1", kind: text[1] === "-" ? null : WORK_KINDS[Number(text[1])] ?? null };
}

const suffix = (filter?: ListFilter, separator = ":") => (filter ? `${separator}${encodeFilter(filter)}` : "");

export const projectsData = {
  regions: () => "prj:reg",
  districts: (regionId: number) => `prj:dist:${regionId}`,
  district: (districtId: number, page: number, filter?: ListFilter) => `prj:list:${districtId}:${page}${suffix(filter)}`,
  near: (lat: number, lon: number, page: number, filter?: ListFilter) => `prj:near:${round4(lat)}:${round4(lon)}:${page}${suffix(filter)}`,
  card: (projectId: number, back: string) => `prj:card:${projectId}:${back}`,
  kinds: (back: string) => `prj:kinds:${back}`,
  map: (projectId: number) => `prj:map:${projectId}`,
  backToDistrict: (districtId: number, page: number, filter?: ListFilter) => `d,${districtId},${page}${suffix(filter, ",")}`,
  backToNear: (lat: number, lon: number, page: number, filter?: ListFilter) => `n,${round4(lat)},${round4(lon)},${page}${suffix(filter, ",")}`,
};

/** The list a card's back button returns to, optionally with another page and filter. */
export function listDataOf(back: string, change?: { page: number; filter: ListFilter }): string | null {
  const parts = back.split(",");
  const [kind] = parts;
  if (kind === "d") {
    const [, district, page, f] = parts;
    return projectsData.district(Number(district), change?.page ?? Number(page), change?.filter ?? decodeFilter(f));
  }
  if (kind === "n" && parts.every((p, i) => i === 0 || i >= 3 || COORDINATE.test(p))) {
    const [, lat, lon, page, f] = parts;
    return projectsData.near(Number(lat), Number(lon), change?.page ?? Number(page), change?.filter ?? decodeFilter(f));
  }
  return null;
}
