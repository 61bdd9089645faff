// Employment centres and their staff, made directly (the admin screens have their own tests).
import type { Db } from "../../src/db/store.js";
import type { Person } from "./harness.js";

export async function addCentre(db: Db, districtKatos: string[], name = "ЦЗН") {
  const districts = await db.district.findMany({ where: { kato: { in: districtKatos } } });
  return db.employmentCentre.create({
    data: {
      nameKk: `${name} (kk)`,
      nameRu: name,
      addressKk: "Абай даңғылы, 10",
      addressRu: "пр. Абая, 10",
      phone: "+7 727 000 00 00",
      districts: { create: districts.map((d) => ({ districtId: d.id })) },
    },
  });
}

/** The person becomes staff of the centre (their account is created when missing). */
export async function makeStaff(db: Db, person: Person, centreId: number) {
  const user = await db.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), language: "ru", roles: ["staff"], firstName: person.firstName },
    update: { roles: ["staff"] },
  });
  await db.staffMembership.create({ data: { userId: user.id, centreId } });
  return user;
}
