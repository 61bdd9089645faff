export interface Point {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Kazakhstan's bounding box, for checking coordinates. */
export const KAZAKHSTAN_BOUNDS = { minLat: 40.5, maxLat: 55.6, minLon: 46.4, maxLon: 87.4 } as const;

export function insideKazakhstan(point: Point): boolean {
  const b = KAZAKHSTAN_BOUNDS;
  return point.lat >= b.minLat && point.lat <= b.maxLat && point.lon >= b.minLon && point.lon <= b.maxLon;
}

export function nearest<T extends Point>(from: Point, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distanceKm(from, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
