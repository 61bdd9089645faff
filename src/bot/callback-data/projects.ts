// Finding work: one named callback per action (callback.ts). A card carries the list it was opened
// from ("back"), so that its back button returns there: d,<district>,<page>[,<filter>] or
// n,<lat>,<lon>,<page>[,<filter>], or "-" for none. <filter> is 1 or 0 (my professions only) and the
// kind of work's index in WORK_KINDS or - (any).
import { z } from "zod";
import { WORK_KINDS, type ListFilter } from "../../services/projects.js";
import { callback, id, optional, page, type Field } from "./callback.js";

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const COORDINATE = /^-?\d{1,3}(\.\d{1,4})?$/;
const FILTER = /^[01][-0-9]$/;

const coordinate: Field<number> = {
  read: z.string().regex(COORDINATE).transform(Number),
  write: (value) => String(round4(value)),
  largest: "-179.9999",
};

export function encodeFilter(filter: ListFilter): string {
  return `${filter.mine ? 1 : 0}${filter.kind ? WORK_KINDS.indexOf(filter.kind) : "-"}`;
}

/** The filter of callback data; undefined when the data carried none (a list opened afresh). */
export function decodeFilter(text: string | undefined): ListFilter | undefined {
  if (!text || !FILTER.test(text)) return undefined;
  return { mine: text[0] === "1", kind: text[1] === "-" ? null : (WORK_KINDS[Number(text[1])] ?? null) };
}

const listFilter: Field<ListFilter> = {
  read: z
    .string()
    .regex(FILTER)
    .transform((text) => decodeFilter(text)!),
  write: encodeFilter,
  largest: "16",
};

/** The list a card was opened from. */
export type ListBack =
  | { kind: "district"; districtId: number; page: number; filter?: ListFilter }
  | { kind: "near"; lat: number; lon: number; page: number; filter?: ListFilter };

/** A card's "back" read from its text: null for "-" (no list), undefined when it is no such text. */
export function readBack(text: string): ListBack | null | undefined {
  if (text === "-") return null;
  const parts = text.split(",");
  const value = <T>(field: Field<T>, part: string | undefined) =>
    part === undefined ? undefined : field.read.safeParse(part).data;
  const near = parts[0] === "n";
  if ((parts[0] !== "d" && !near) || parts.length < (near ? 4 : 3) || parts.length > (near ? 5 : 4)) return undefined;
  const filterText = parts[near ? 4 : 3];
  const filter = filterText === undefined ? undefined : value(listFilter, filterText);
  const listPage = value(page, parts[near ? 3 : 2]);
  if (!listPage || (filterText !== undefined && !filter)) return undefined;
  if (!near) {
    const districtId = value(id, parts[1]);
    return districtId ? { kind: "district", districtId, page: listPage, filter } : undefined;
  }
  const [lat, lon] = [value(coordinate, parts[1]), value(coordinate, parts[2])];
  return lat !== undefined && lon !== undefined ? { kind: "near", lat, lon, page: listPage, filter } : undefined;
}

export function writeBack(back: ListBack | null): string {
  if (!back) return "-";
  const filter = back.filter ? `,${encodeFilter(back.filter)}` : "";
  return back.kind === "district"
    ? `d,${back.districtId},${back.page}${filter}`
    : `n,${round4(back.lat)},${round4(back.lon)},${back.page}${filter}`;
}

const back: Field<string> = {
  read: z.string().refine((text) => readBack(text) !== undefined),
  largest: "n,-89.9999,-179.9999,99999,16",
};

export const projectsCallbacks = {
  askLocation: callback("prj:ask", {}),
  regions: callback("prj:reg", {}),
  districts: callback("prj:dist", { regionId: id }),
  district: callback("prj:list", { districtId: id, page, filter: optional(listFilter) }),
  near: callback("prj:near", { lat: coordinate, lon: coordinate, page, filter: optional(listFilter) }),
  card: callback("prj:card", { projectId: id, back }),
  kinds: callback("prj:kinds", { back }),
  map: callback("prj:map", { projectId: id }),
};

const c = projectsCallbacks;
export const projectsData = {
  askLocation: () => c.askLocation.pack({}),
  regions: () => c.regions.pack({}),
  districts: (regionId: number) => c.districts.pack({ regionId }),
  district: (districtId: number, page: number, filter?: ListFilter) => c.district.pack({ districtId, page, filter }),
  near: (lat: number, lon: number, page: number, filter?: ListFilter) => c.near.pack({ lat, lon, page, filter }),
  card: (projectId: number, back: string) => c.card.pack({ projectId, back }),
  kinds: (back: string) => c.kinds.pack({ back }),
  map: (projectId: number) => c.map.pack({ projectId }),
  backToDistrict: (districtId: number, page: number, filter?: ListFilter) =>
    writeBack({ kind: "district", districtId, page, filter }),
  backToNear: (lat: number, lon: number, page: number, filter?: ListFilter) =>
    writeBack({ kind: "near", lat, lon, page, filter }),
};

/** The list a card's back button returns to, optionally with another page and filter. */
export function listDataOf(text: string, change?: { page: number; filter: ListFilter }): string | null {
  const list = readBack(text);
  if (!list) return null;
  const page = change?.page ?? list.page;
  const filter = change?.filter ?? list.filter;
  return list.kind === "district"
    ? projectsData.district(list.districtId, page, filter)
    : projectsData.near(list.lat, list.lon, page, filter);
}
