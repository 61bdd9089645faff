// The whole log of a scenario, at the most talkative level, holds no IIN, phone or name: a
// registration typed in the chat, a question with the IIN in it, an application, the staff member
// opening the card and the IIN and referring, and failures on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, sentTexts } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";
import { makeIin } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NAME = "Бақытгүл Жұмабаева";
const FIRST_NAME = "Бақытгүл";
const PHONE_TYPED = "+7 701 555 44 33";
const PHONE_DIGITS = "7015554433";
const IIN = makeIin("950315", 4);

let database: TestDatabase;
let harness: Harness;
const lines: string[] = [];

beforeAll(async () => {
  const log = createLogger("trace", { write: (line: string) => void lines.push(line) });
  ({ database, harness } = await openTestBot({ log, jobs: true }));
});
afterAll(() => closeTestBot({ database, harness }));

async function register(person: Person) {
  const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
  const chat = { id: person.id, type: "private" as const, first_name: FIRST_NAME };
  const from = {
    id: person.id,
    is_bot: false,
    first_name: FIRST_NAME,
    last_name: "Жұмабаева",
    username: "bakytgul95",
    language_code: "kk",
  };
  await person.pressData("seek:register");
  await person.pressData("reg:yes");
  await person.send(NAME);
  await person.send(IIN);
  await person.pressData("reg:yes");
  await person.deliver({
    message: {
      message_id: 50,
      date: 0,
      chat,
      from,
      contact: { phone_number: PHONE_TYPED.replaceAll(" ", ""), first_name: FIRST_NAME, user_id: person.id },
    },
  } as never);
  await person.pressData("reg:status:job_seeker");
  await person.pressData("reg:no");
  await person.pressData("reg:no");
  await person.deliver({
    message: { message_id: 51, date: 0, chat, from, location: { latitude: medeu.lat, longitude: medeu.lon } },
  } as never);
  await person.pressData("reg:yes");
  await person.pressData("reg:any");
  return sentTexts(await person.pressData("reg:no"));
}

describe("the log of a whole scenario", () => {
  it("holds no IIN, phone or name, though every step was logged", async () => {
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Мектеп № 4", lat: 43.2, lon: 76.9 });
    const staff = harness.person({ firstName: "Гүлнар" });
    await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU])).id);

    const person = harness.person({ languageCode: "kk", firstName: FIRST_NAME });
    await person.send("/start");
    await person.pressData("lang:kk");
    expect(await register(person)).toEqual([harness.t("kk", "seeker:registration.done")]);
    await person.send(`Менің ЖСН ${IIN}, телефоным ${PHONE_TYPED}, жәрдемақы қашан түседі?`);
    await person.pressData(`apl:start:${project.id}`);
    const [position] = project.positions;
    await person.pressData(`apl:pos:${position!.id}`);
    await person.pressData(`apl:ok:${position!.id}`);
    const application = await database.db.application.findFirstOrThrow({
      where: { user: { telegramId: BigInt(person.id) } },
    });

    await staff.send("/start");
    await staff.pressData(`stf:a:${application.id}`);
    const iinShown = await staff.pressData(`stf:iin:${application.id}`);
    expect(sentTexts(iinShown).join("\n")).toContain(IIN); // the staff member does see it …
    harness.telegram.failNext("sendMessage", "Bad Request: chat not found"); // a failure whose request held the IIN
    await staff.pressData(`stf:iin:${application.id}`);
    await staff.pressData(`stf:ref:${application.id}`);
    expect((await database.db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "referred",
    );
    await harness.flushAll();

    const log = lines.join("");
    // … the log does not, though it has every update and the failure
    expect(lines.filter((line) => line.includes('"msg":"update"')).length).toBeGreaterThan(20);
    expect(log).toContain("update failed");
    for (const secret of [IIN, PHONE_DIGITS, "555 44 33", NAME, FIRST_NAME, "Жұмабаева", "bakytgul95", "жәрдемақы"]) {
      expect(log.includes(secret), `the log contains ${secret}`).toBe(false);
    }
  });
});
