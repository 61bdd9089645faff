// Reference data every installation needs: the gazetteer, professions and the yearly rates.
import { PROFESSIONS } from "../../../prisma/data/professions.js";
import { REGION_TARGETS } from "../../../prisma/data/demo-targets.js";
import { YEARLY_RATES } from "../../domain/rules.js";
import type { Db } from "../store.js";
import { DISTRICT_VALID_FROM, loadGazetteer } from "./gazetteer.js";

const DISTRICT_KIND = { district: "district", city: "city", "city-district": "city_district" } as const;

export async function seedReferenceData(db: Db): Promise<void> {
  const codes = new Map(REGION_TARGETS.map((target) => [target.kato, target.code]));
  const gazetteer = loadGazetteer();
  await db.region.createMany({
    skipDuplicates: true,
    data: gazetteer.map((region) => ({
      kato: region.kato,
      code: codes.get(region.kato) ?? region.kato.slice(0, 2),
      kind: region.kind === "city" ? "city" : "region",
      nameKk: region.kk,
      nameRu: region.ru,
      lat: region.lat,
      lon: region.lon,
    })),
  });
  const regionIds = new Map((await db.region.findMany()).map((region) => [region.kato, region.id]));
  await db.district.createMany({
    skipDuplicates: true,
    data: gazetteer.flatMap((region) =>
      region.districts.map((district) => ({
        kato: district.kato,
        regionId: regionIds.get(region.kato)!,
        kind: DISTRICT_KIND[district.kind as keyof typeof DISTRICT_KIND],
        nameKk: district.kk,
        nameRu: district.ru,
        lat: district.lat,
        lon: district.lon,
        validFrom: DISTRICT_VALID_FROM[district.kato] ? new Date(DISTRICT_VALID_FROM[district.kato]!) : null,
      })),
    ),
  });
  await db.profession.createMany({
    skipDuplicates: true,
    data: PROFESSIONS.map(({ code, kk, ru }) => ({ code, nameKk: kk, nameRu: ru })),
  });
  await db.yearlyRate.createMany({
    skipDuplicates: true,
    data: YEARLY_RATES.map((rate) => ({
      validFrom: new Date(rate.validFrom),
      year: Number(rate.validFrom.slice(0, 4)),
      minimumWage: rate.minimumWage,
      mci: rate.mci,
    })),
  });
}
