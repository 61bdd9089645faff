import type { Store } from "../../src/db/store.js";
import { iinCheckDigit, readIin } from "../../src/domain/iin.js";
import { createPii } from "../../src/services/pii.js";
import { saveProfile, type ProfileInput } from "../../src/services/seekers.js";
import { TEST_PII_KEY, type Person } from "./harness.js";

/** Registers a person directly through the service (the conversation has its own tests). */
export async function registerSeeker(
  store: Store,
  person: Person,
  input: Partial<ProfileInput> & { iin: string; districtKato: string },
) {
  const user = await store.db.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), language: "ru" },
    update: {},
  });
  const district = await store.db.district.findUniqueOrThrow({ where: { kato: input.districtKato } });
  const facts = readIin(input.iin)!;
  await saveProfile(store, createPii(TEST_PII_KEY), user.id, {
    fullName: "Тест Тестов",
    phone: "+77010000000",
    status: "job_seeker",
    studying: false,
    working: false,
    professionIds: [],
    anyWork: true,
    willingToRelocate: true,
    ...input,
    birthDate: facts.birthDate,
    sex: facts.sex,
    districtId: district.id,
  });
  return user;
}

let serial = 1000;
/** A valid IIN for a birth date (YYMMDD) and the century-and-sex digit (3/4: 1900s, 5/6: 2000s); a new one each call. */
export function makeIin(birth: string, centurySex: 3 | 4 | 5 | 6 = 3): string {
  for (;;) {
    const first11 = `${birth}${centurySex}${String(serial++).padStart(4, "0")}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}
