// Inline mode (@bot <place or profession> in any chat): open projects with room whose name, place
// or positions match, nearest first to where the person is (Telegram's inline location) or was
// when they last shared a location with the bot; otherwise the newest first.
import type { Store } from "../db/store.js";
import { likeContaining } from "../db/sql.js";
import { Prisma } from "../generated/prisma/client.js";
import { distance, OPEN, OPEN_PLACES, unitVector } from "./projects.js";

/** Results in one answer (Telegram allows 50). */
export const INLINE_RESULTS = 20;

export interface InlineProject {
  id: number;
  nameKk: string;
  nameRu: string;
  districtKk: string;
  districtRu: string;
  regionKk: string;
  regionRu: string;
  openPlaces: number;
  wageMin: number;
  wageMax: number;
  distanceKm: number | null;
}

export async function inlineProjects(store: Store, telegramId: number, text: string, here?: { lat: number; lon: number }) {
  const user = await store.db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { language: true, lastLat: true, lastLon: true } });
  const origin = here ?? (user?.lastLat != null && user.lastLon != null ? { lat: user.lastLat, lon: user.lastLon } : undefined);
  const pattern = likeContaining(text);
  const match = text
    ? Prisma.sql`and (p."nameRu" ilike ${pattern} or p."nameKk" ilike ${pattern} or d."nameRu" ilike ${pattern}
        or d."nameKk" ilike ${pattern} or r."nameRu" ilike ${pattern} or r."nameKk" ilike ${pattern}
        or exists (select 1 from "Position" s join "Profession" f on f.id = s."professionId"
                   where s."projectId" = p.id and (f."nameRu" ilike ${pattern} or f."nameKk" ilike ${pattern})))`
    : Prisma.empty;
  const order = origin
    ? Prisma.sql`cube(array[p."unitX", p."unitY", p."unitZ"]) <-> cube(${unitVector(origin)}::float8[]), p.id`
    : Prisma.sql`p.id desc`;
  const items = await store.rows<InlineProject>(Prisma.sql`
    select p.id, p."nameKk", p."nameRu", d."nameKk" as "districtKk", d."nameRu" as "districtRu", r."nameKk" as "regionKk", r."nameRu" as "regionRu",
           room.places as "openPlaces", w.min as "wageMin", w.max as "wageMax",
           ${origin ? Prisma.sql`${distance(origin.lat, origin.lon)}::float` : Prisma.sql`null::float`} as "distanceKm"
    from "Project" p join "District" d on d.id = p."districtId" join "Region" r on r.id = d."regionId"
      cross join lateral (select ${OPEN_PLACES} as places offset 0) room
      cross join lateral (select min(s."monthlyWage")::int as min, max(s."monthlyWage")::int as max from "Position" s where s."projectId" = p.id) w
    where ${OPEN} and room.places > 0 ${match}
    order by ${order}
    limit ${INLINE_RESULTS}`, { prepare: false });
  const language: "kk" | "ru" | null = user?.language === "kk" || user?.language === "ru" ? user.language : null;
  return { language, items };
}
