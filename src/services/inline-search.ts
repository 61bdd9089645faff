// Inline mode (@bot <place or profession> in any chat): open projects with room whose name, place
// or positions match, nearest first to where the person is (Telegram's inline location) or was
// when they last shared a location with the bot; otherwise the newest first.
import type { Store } from "../db/store.js";
import { likeContaining } from "../db/sql.js";
import { sql } from "kysely";
import { q } from "../db/typed.js";
import { distance, OPEN, ROOM, UNIT_POINT, unitVector } from "./projects.js";

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

export async function inlineProjects(
  store: Store,
  telegramId: number,
  text: string,
  here?: { lat: number; lon: number },
) {
  const user = await store.db.user.findUnique({
    where: { telegramId: BigInt(telegramId) },
    select: { language: true, lastLat: true, lastLon: true },
  });
  const origin =
    here ?? (user?.lastLat != null && user.lastLon != null ? { lat: user.lastLat, lon: user.lastLon } : undefined);
  const pattern = likeContaining(text);
  const named = (column: string) => sql<boolean>`${sql.ref(column)} ilike ${pattern}`;
  const items: InlineProject[] = await store.all(
    q
      .selectFrom("Project as p")
      .innerJoin("District as d", "d.id", "p.districtId")
      .innerJoin("Region as r", "r.id", "d.regionId")
      .innerJoinLateral(ROOM, (join) => join.onTrue())
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("Position as s")
            .whereRef("s.projectId", "=", "p.id")
            .select([
              sql<number>`min(s."monthlyWage")::int`.as("min"),
              sql<number>`max(s."monthlyWage")::int`.as("max"),
            ])
            .as("w"),
        (join) => join.onTrue(),
      )
      .select([
        "p.id",
        "p.nameKk",
        "p.nameRu",
        "d.nameKk as districtKk",
        "d.nameRu as districtRu",
        "r.nameKk as regionKk",
        "r.nameRu as regionRu",
        "room.places as openPlaces",
        "w.min as wageMin",
        "w.max as wageMax",
        (origin ? distance(origin.lat, origin.lon) : sql<number | null>`null::float`).as("distanceKm"),
      ])
      .where(OPEN)
      .where("room.places", ">", sql.lit(0))
      .$if(Boolean(text), (query) =>
        query.where((eb) =>
          eb.or([
            named("p.nameRu"),
            named("p.nameKk"),
            named("d.nameRu"),
            named("d.nameKk"),
            named("r.nameRu"),
            named("r.nameKk"),
            eb.exists(
              eb
                .selectFrom("Position as s")
                .innerJoin("Profession as f", "f.id", "s.professionId")
                .select("s.id")
                .whereRef("s.projectId", "=", "p.id")
                .where((inner) => inner.or([named("f.nameRu"), named("f.nameKk")])),
            ),
          ]),
        ),
      )
      // nearest first when there is a place (the GiST index's order), else the newest
      .$if(origin !== undefined, (query) =>
        query.orderBy(sql`${UNIT_POINT} <-> cube(${unitVector(origin!)}::float8[])`).orderBy("p.id"),
      )
      .$if(origin === undefined, (query) => query.orderBy("p.id", "desc"))
      .limit(INLINE_RESULTS),
    { prepare: false },
  );
  const language: "kk" | "ru" | null = user?.language === "kk" || user?.language === "ru" ? user.language : null;
  return { language, items };
}
