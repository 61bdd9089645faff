import type { Db } from "../../src/db/client.js";
import { readIin } from "../../src/domain/iin.js";
import { createPii } from "../../src/services/pii.js";
import { saveProfile, type ProfileInput } from "../../src/services/seekers.js";
import { TEST_PII_KEY, type Person } from "./harness.js";

/** Registers a person directly through the service (the conversation has its own tests). */
export async function registerSeeker(db: Db, person: Person, input: Partial<ProfileInput> & { iin: string; districtKato: string }) {
  const user = await db.user.upsert({ where: { telegramId: BigInt(person.id) }, create: { telegramId: BigInt(person.id), language: "ru" }, update: {} });
  const district = await db.district.findUniqueOrThrow({ where: { kato: input.districtKato } });
  const facts = readIin(input.iin)!;
  await saveProfile(db, createPii(TEST_PII_KEY), user.id, {
    fullName: "Тест Тестов", phone: "+77010000000", status: "job_seeker", studying: false, working: false,
    professionIds: [], anyWork: true, willingToRelocate: true, ...input, birthDate: facts.birthDate, sex: facts.sex, districtId: district.id,
  });
  return user;
}
