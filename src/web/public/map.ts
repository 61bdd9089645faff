// Kazakhstan's regions and districts as SVG paths, drawn on the server with d3-geo from the 2021
// boundaries (prisma/data/boundaries, CC BY 4.0: see BOUNDARIES.md there) in a conic conformal
// projection (parallels 45° and 51°, central meridian 67° E). No map tiles: nothing outside is reached.
import { readFileSync } from "node:fs";
import path from "node:path";
import { geoConicConformal, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { projectRoot } from "../../project-root.js";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 560;

interface RegionProperties {
  kato: string;
  name_kk: string;
  name_ru: string;
}
interface DistrictProperties extends RegionProperties {
  region_kato: string;
}

const boundaries = (name: string) => path.join(projectRoot, "prisma", "data", "boundaries", name);
const read = <P>(name: string) => JSON.parse(readFileSync(boundaries(name), "utf8")) as FeatureCollection<Geometry, P>;

let regions: FeatureCollection<Geometry, RegionProperties> | undefined;
let districts: FeatureCollection<Geometry, DistrictProperties> | undefined;

export interface MapShape {
  kato: string;
  /** SVG path data in the map's pixels. */
  d: string;
  /** Where its name goes: the centre of its area, in the map's pixels. */
  centre: [number, number];
}

function draw<P extends RegionProperties>(features: Array<Feature<Geometry, P>>): MapShape[] {
  const collection: FeatureCollection<Geometry, P> = { type: "FeatureCollection", features };
  const projection = geoConicConformal()
    .parallels([45, 51])
    .rotate([-67, 0])
    .fitExtent(
      [
        [8, 8],
        [MAP_WIDTH - 8, MAP_HEIGHT - 8],
      ],
      collection,
    );
  const pathOf = geoPath(projection).digits(1);
  return features.map((feature) => {
    const [x, y] = pathOf.centroid(feature);
    return {
      kato: feature.properties.kato,
      d: pathOf(feature) ?? "",
      centre: [Math.round(x), Math.round(y)] as [number, number],
    };
  });
}

const drawn = new Map<string, MapShape[]>();

/** The 17 regions (14 oblasts and 3 cities), by KATO code. */
export function regionShapes(): MapShape[] {
  if (!drawn.has("kz")) {
    regions ??= read<RegionProperties>("kz-regions-2021.geojson");
    drawn.set("kz", draw(regions.features));
  }
  return drawn.get("kz")!;
}

/** A region's districts (Sauran has no polygon of its own: its land is drawn within Kentau). */
export function districtShapes(regionKato: string): MapShape[] {
  if (!drawn.has(regionKato)) {
    districts ??= read<DistrictProperties>("kz-districts-2021.geojson");
    drawn.set(regionKato, draw(districts.features.filter((f) => f.properties.region_kato === regionKato)));
  }
  return drawn.get(regionKato)!;
}
