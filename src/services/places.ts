// Regions and districts as the screens need them.
import type { Store } from "../db/store.js";

export const districtById = (store: Store, id: number) => store.db.district.findUnique({ where: { id } });
export const regionById = (store: Store, id: number) => store.db.region.findUnique({ where: { id } });

/** Every district's centre point, to find the one nearest a shared location. */
export const districtPoints = (store: Store) =>
  store.db.district.findMany({ select: { id: true, nameKk: true, nameRu: true, lat: true, lon: true } });
