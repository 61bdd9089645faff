import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../project-root.js";

export interface GazetteerUnit {
  kato: string;
  kk: string;
  ru: string;
  kind: "region" | "city" | "district" | "city-district";
  lat: number;
  lon: number;
  note?: string;
}
export interface GazetteerRegion extends GazetteerUnit {
  districts: GazetteerUnit[];
}

/** Sauran district was created by the decree of 15 March 2021 (gazetteer notes). */
export const DISTRICT_VALID_FROM: Record<string, string> = { "615500000": "2021-03-15" };

export function loadGazetteer(): GazetteerRegion[] {
  const file = path.join(projectRoot, "prisma/data/gazetteer-2021.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { regions: GazetteerRegion[] }).regions;
}
