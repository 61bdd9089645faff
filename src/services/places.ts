// Regions and districts as the screens need them.
import type { Db } from "../db/client.js";

export const districtById = (db: Db, id: number) => db.district.findUnique({ where: { id } });
export const regionById = (db: Db, id: number) => db.region.findUnique({ where: { id } });

/** Every district's centre point, to find the one nearest a shared location. */
export const districtPoints = (db: Db) => db.district.findMany({ select: { id: true, nameKk: true, nameRu: true, lat: true, lon: true } });
