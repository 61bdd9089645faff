import { MEDEU, ZHETYSU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPii } from "../../src/services/pii.js";
import type { TestDatabase } from "../helpers/database.js";
import { addProject } from "../helpers/projects.js";
import { closeTestBot, openTestBot, TEST_PII_KEY, type Harness, type Person, sentTexts } from "../helpers/harness.js";

const IIN = "000229500038"; // a man born 29 February 2000: 21, youth, in May 2021
let database: TestDatabase;
let harness: Harness;
const NOW = new Date("2021-05-01T00:00:00Z");

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => NOW }));
});
afterAll(() => closeTestBot({ database, harness }));

const chat = (person: Person) => ({ id: person.id, type: "private" as const });
const from = (person: Person) => ({ id: person.id, is_bot: false, first_name: "A" });

async function startRegistration(lang: "kk" | "ru" = "ru") {
  const person = await harness.readyPerson(lang);
  await person.send(harness.t(lang, "menu.jobs"));
  await person.pressData("seek:profile");
  const consent = await person.press("seek:register");
  expect(sentTexts(consent)).toEqual([harness.t(lang, "seeker:consent.text")]);
  return person;
}

const profileOf = (person: Person) =>
  database.db.seekerProfile.findFirst({
    where: { user: { telegramId: BigInt(person.id) } },
    include: { professions: true },
  });

describe("consent", () => {
  it("declining stores nothing and leaves browsing open", async () => {
    const person = await startRegistration();
    expect(sentTexts(await person.press("reg:no"))).toEqual([harness.t("ru", "seeker:consent.declined")]);
    expect(await database.db.consent.count({ where: { user: { telegramId: BigInt(person.id) } } })).toBe(0);
    expect(await profileOf(person)).toBeNull();
  });
});

describe("registration", () => {
  it("walks through every question, refusing wrong answers with the reason, and saves an encrypted profile", async () => {
    const person = await startRegistration();
    expect(sentTexts(await person.press("reg:yes"))).toEqual([harness.t("ru", "seeker:ask.name")]);
    expect(await database.db.consent.count({ where: { user: { telegramId: BigInt(person.id) } } })).toBe(1);

    expect(sentTexts(await person.send("Ivan2"))).toEqual([
      harness.t("ru", "seeker:invalid.name"),
      harness.t("ru", "seeker:ask.name"),
    ]);
    expect(sentTexts(await person.send("Сейтқали Ержан"))).toEqual([harness.t("ru", "seeker:ask.iin")]);
    expect(sentTexts(await person.send("900101300127"))[0]).toBe(harness.t("ru", "seeker:invalid.iin"));
    expect(sentTexts(await person.send(IIN))).toEqual([
      harness.t("ru", "seeker:ask.iin_confirm", { birth: "29.02.2000", sex: harness.t("ru", "seeker:sex.male") }),
    ]);
    const phoneQuestion = await person.press("reg:yes");
    expect(phoneQuestion.find((r) => r.text === harness.t("ru", "seeker:ask.phone"))!.keyboard).toEqual([
      harness.t("ru", "seeker:ask.phone_button"),
    ]);

    const someoneElse = await person.deliver({
      message: {
        message_id: 9,
        date: 0,
        chat: chat(person),
        from: from(person),
        contact: { phone_number: "+77010000000", first_name: "X", user_id: 12345 },
      },
    } as never);
    expect(sentTexts(someoneElse)[0]).toBe(harness.t("ru", "seeker:invalid.not_own_contact"));
    expect(sentTexts(await person.send("+7 912 345 67 89"))[0]).toBe(harness.t("ru", "seeker:invalid.phone"));
    const own = await person.deliver({
      message: {
        message_id: 10,
        date: 0,
        chat: chat(person),
        from: from(person),
        contact: { phone_number: "87012345678", first_name: "A", user_id: person.id },
      },
    } as never);
    expect(sentTexts(own)).toEqual([harness.t("ru", "seeker:ask.status")]);
    await person.press("reg:status:job_seeker");
    await person.press("reg:no"); // not studying
    expect(sentTexts(await person.press("reg:no"))[0]).toBe(harness.t("ru", "seeker:ask.place")); // not working

    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    const located = await person.deliver({
      message: {
        message_id: 11,
        date: 0,
        chat: chat(person),
        from: from(person),
        location: { latitude: medeu.lat + 0.001, longitude: medeu.lon },
      },
    } as never);
    expect(sentTexts(located)).toEqual([harness.t("ru", "seeker:ask.place_confirm", { district: medeu.nameRu })]);
    const professions = await person.press("reg:yes");
    expect(sentTexts(professions)).toEqual([harness.t("ru", "seeker:ask.professions")]);
    expect(professions.at(-1)!.buttons.filter(([, d]) => d.startsWith("reg:prof:"))).toHaveLength(8);

    const empty = await person.press("reg:done");
    expect(harness.telegram.calls.at(-1)!.payload.text).toBe(harness.t("ru", "seeker:invalid.no_professions"));
    expect(sentTexts(empty)).toEqual([]);
    const searched = await person.send("свар");
    const welder = searched.at(-1)!.buttons.find(([label]) => label.includes("Электрогазосварщик"))!;
    const ticked = await person.pressData(welder[1]);
    expect(
      ticked.find((r) => r.method === "editMessageReplyMarkup")!.buttons.find(([, d]) => d === welder[1])![0],
    ).toMatch(/^☑️/);
    expect(sentTexts(await person.press("reg:done"))).toEqual([harness.t("ru", "seeker:ask.relocate")]);
    expect(sentTexts(await person.press("reg:yes"))).toEqual([harness.t("ru", "seeker:registration.done")]);

    const profile = (await profileOf(person))!;
    expect(profile).toMatchObject({
      fullName: "Сейтқали Ержан",
      sex: "male",
      status: "job_seeker",
      studying: false,
      working: false,
      districtId: medeu.id,
      willingToRelocate: true,
      anyWork: false,
    });
    expect(profile.iinCipher).not.toContain(IIN);
    expect(profile.phoneCipher).not.toContain("7012345678");
    const pii = createPii(TEST_PII_KEY);
    expect(pii.decrypt(profile.iinCipher)).toBe(IIN);
    expect(pii.decrypt(profile.phoneCipher)).toBe("+77012345678");
    expect(profile.iinHash).toBe(pii.hash(IIN));
    expect(profile.professions).toHaveLength(1);

    const [view] = sentTexts(await person.press("seek:profile"));
    expect(view).toContain("••••••••0038");
    expect(view).not.toContain(IIN);
    expect(view).toContain(harness.t("ru", "seeker:profile.neet"));
  });

  it("refuses an IIN registered from another account without saying whose", async () => {
    const person = await startRegistration("kk");
    await person.press("reg:yes");
    await person.send("Әлия Нұрланқызы");
    expect(sentTexts(await person.send(IIN))[0]).toBe(harness.t("kk", "seeker:invalid.iin_unavailable"));
  });

  it("refuses someone under 16 with the reason and ends", async () => {
    const person = await startRegistration();
    await person.press("reg:yes");
    await person.send("Иванов Иван");
    expect(sentTexts(await person.send("060601500116"))).toEqual(
      // born 1 June 2006: 14 in May 2021
      [harness.t("ru", "seeker:invalid.too_young", { age: 16 }), harness.t("ru", "seeker:registration.stopped")],
    );
  });

  it("picks the district from the list, takes any work, and goes back a step", async () => {
    const person = await startRegistration();
    await person.press("reg:yes");
    await person.send("Petrov Ivan");
    const back = await person.press("reg:back");
    expect(sentTexts(back)).toEqual([harness.t("ru", "seeker:ask.name")]);
    await person.send("Petrov Ivan");
    expect(sentTexts(await person.send("851231400231"))[0]).toBe(harness.t("ru", "seeker:invalid.iin")); // check digit off
    await person.send("851231400232");
    await person.press("reg:yes");
    await person.send("8 701 555 44 33");
    await person.press("reg:status:student");
    await person.press("reg:yes");
    await person.press("reg:no");
    const regions = (await person.press("reg:list")).find((r) => r.method === "editMessageText")!;
    const akmola = regions.buttons.find(([label]) => label === "Акмолинская область")!;
    const districts = (await person.pressData(akmola[1])).find((r) => r.method === "editMessageText")!;
    const district = districts.buttons.find(([label]) => label === "Аккольский район")!;
    expect(sentTexts(await person.pressData(district[1]))).toEqual([harness.t("ru", "seeker:ask.professions")]);
    await person.press("reg:any");
    await person.press("reg:no");
    const profile = (await profileOf(person))!;
    expect(profile).toMatchObject({
      anyWork: true,
      status: "student",
      studying: true,
      willingToRelocate: false,
      sex: "female",
    });
    expect(profile.districtId).toBe(Number(district[1].split(":")[2]));
  });
});

describe("deleting my data", () => {
  it("erases the profile after a confirmation and keeps applications only anonymously", async () => {
    const person = await startRegistration();
    await person.press("reg:yes");
    await person.send("Қасымов Арман");
    await person.send("950101300707");
    await person.press("reg:yes");
    await person.send("+77015550000");
    await person.press("reg:status:registered_unemployed");
    await person.press("reg:no");
    await person.press("reg:no");
    await person.press("reg:list");
    const regionButton = harness.telegram.calls.filter((c) => c.method === "editMessageText").at(-1)!;
    const firstRegion = (
      regionButton.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }
    ).inline_keyboard[0]![0]!.callback_data;
    await person.pressData(firstRegion);
    const districtCall = harness.telegram.calls.filter((c) => c.method === "editMessageText").at(-1)!;
    await person.pressData(
      (districtCall.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> })
        .inline_keyboard[0]![0]!.callback_data,
    );
    await person.press("reg:any");
    await person.press("reg:yes");
    const profile = (await profileOf(person))!;
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Парк", lat: 43.25, lon: 76.9 });
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
    await database.db.application.create({
      data: {
        number: "DEL-1",
        userId: user.id,
        projectId: project.id,
        positionId: project.positions[0]!.id,
        priorityGroup: 0,
        isYouth: true,
      },
    });
    await person.send("мой ИИН 950101300707, когда выплатят пособие?"); // a question with personal data in it
    expect(await database.db.faqQuestion.count({ where: { userId: user.id } })).toBe(1);
    await person.pressData("seek:profile");
    expect(sentTexts(await person.press("seek:delete"))).toEqual([harness.t("ru", "seeker:profile.delete_confirm")]);
    expect(sentTexts(await person.press("seek:delete:yes"))).toEqual([harness.t("ru", "seeker:profile.deleted")]);
    expect(await database.db.seekerProfile.findUnique({ where: { id: profile.id } })).toBeNull();
    expect(await database.db.consent.count({ where: { userId: user.id } })).toBe(0);
    expect(await database.db.faqQuestion.count({ where: { userId: user.id } })).toBe(0);
    expect(await database.db.application.findUniqueOrThrow({ where: { number: "DEL-1" } })).toMatchObject({
      userId: null,
      isYouth: true,
    });
  });
});

describe("changing one field of the profile", () => {
  async function registered() {
    const person = await harness.readyPerson();
    const { registerSeeker, makeIin } = await import("../helpers/seekers.js");
    await registerSeeker(database.store, person, {
      iin: makeIin("900101"),
      districtKato: MEDEU,
      fullName: "Асқар Бекұлы",
    });
    return person;
  }
  const pii = createPii(TEST_PII_KEY);

  it("asks only that field's question, with the same checks, and keeps everything else", async () => {
    const person = await registered();
    const profile = (await person.pressData("seek:profile")).find((r) => r.method === "sendMessage")!;
    expect(profile.buttons.map(([, data]) => data)).toEqual(
      expect.arrayContaining(["seek:edit:phone", "seek:edit:place", "seek:edit:professions", "seek:sub:on"]),
    );
    const before = (await profileOf(person))!;

    expect(sentTexts(await person.press("seek:edit:phone"))).toContain(harness.t("ru", "seeker:ask.phone"));
    expect(sentTexts(await person.send("12345"))[0]).toBe(harness.t("ru", "seeker:invalid.phone"));
    expect(sentTexts(await person.send("8 (701) 555-44-33"))).toEqual([harness.t("ru", "seeker:edit.saved")]);
    const after = (await profileOf(person))!;
    expect(pii.decrypt(after.phoneCipher)).toBe("+77015554433");
    expect(pii.decrypt(after.iinCipher)).toBe(pii.decrypt(before.iinCipher)); // ciphers change with each saving (a new IV)
    expect({ ...after, phoneCipher: "", iinCipher: "", updatedAt: 0 }).toEqual({
      ...before,
      phoneCipher: "",
      iinCipher: "",
      updatedAt: 0,
    });
  });

  it("leaves the profile as it was on back, and changes the district through the list", async () => {
    const person = await registered();
    await person.pressData("seek:profile");
    await person.press("seek:edit:name");
    expect(sentTexts(await person.press("reg:back"))).toEqual([harness.t("ru", "seeker:edit.cancelled")]);
    expect((await profileOf(person))!.fullName).toBe("Асқар Бекұлы");

    await person.press("seek:edit:place");
    await person.press("reg:list");
    const almaty = await database.db.region.findFirstOrThrow({ where: { districts: { some: { kato: ZHETYSU } } } });
    await person.pressData(`reg:region:${almaty.id}`);
    const zhetysu = await database.db.district.findUniqueOrThrow({ where: { kato: ZHETYSU } });
    expect(sentTexts(await person.pressData(`reg:district:${zhetysu.id}`))).toEqual([
      harness.t("ru", "seeker:edit.saved"),
    ]);
    expect((await profileOf(person))!.districtId).toBe(zhetysu.id);
  });

  it("turns the new-project subscription on for the profile's district, and off", async () => {
    const person = await registered();
    await person.pressData("seek:profile");
    const [on, profile] = (await person.press("seek:sub:on")).filter((r) => r.method === "sendMessage");
    expect(on!.text).toBe(harness.t("ru", "seeker:subscription.on"));
    expect(profile!.buttons.map(([, d]) => d)).toContain("seek:sub:off");
    const user = await database.db.user.findUniqueOrThrow({
      where: { telegramId: BigInt(person.id) },
      include: { subscriptions: true, profile: true },
    });
    expect(user.subscriptions.map((s) => s.districtId)).toEqual([user.profile!.districtId]);
    await person.press("seek:sub:off");
    expect(await database.db.subscription.count({ where: { userId: user.id } })).toBe(0);
  });
});
