import { ALMALY, BOSTANDYK, MEDEU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";

let database: TestDatabase;
let harness: Harness;
let school: Awaited<ReturnType<typeof addProject>>;

const user = (id: number) => ({ id, is_bot: false, first_name: "Ерлан" });

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
  const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
  // twelve open projects at growing distances north of a point, one full, one finished
  for (let i = 1; i <= 12; i++)
    await addProject(database.db, {
      districtKato: MEDEU,
      name: `Проект ${String(i).padStart(2, "0")}`,
      lat: medeu.lat + i * 0.01,
      lon: medeu.lon,
    });
  const full = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Заполненный",
    lat: medeu.lat,
    lon: medeu.lon,
    positions: [{ code: "welder", count: 1 }],
  });
  const someone = await database.db.user.create({ data: { telegramId: 1n } });
  await database.db.application.create({
    data: {
      number: "T-1",
      userId: someone.id,
      projectId: full.id,
      positionId: full.positions[0]!.id,
      status: "referred",
      priorityGroup: 1,
    },
  });
  await addProject(database.db, {
    districtKato: MEDEU,
    name: "Завершённый",
    lat: medeu.lat,
    lon: medeu.lon,
    status: "completed",
  });
  school = await addProject(database.db, {
    districtKato: ALMALY,
    name: "Школа № 7",
    lat: 43.2,
    lon: 76.9,
    positions: [
      { code: "mason", count: 8, wage: 150_000 },
      { code: "cleaner", count: 3, wage: 90_000, minors: true },
    ],
  });
  await database.db.application.create({
    data: {
      number: "T-2",
      userId: someone.id,
      projectId: school.id,
      positionId: school.positions[0]!.id,
      status: "hired",
      priorityGroup: 1,
    },
  });
});
afterAll(() => closeTestBot({ database, harness }));

describe("projects near me", () => {
  it("lists the nearest open projects, nearest first, with the distance, five a page, editing the same message", async () => {
    const person = await harness.readyPerson();
    const [menu] = await person.send(harness.t("ru", "menu.jobs"));
    expect(menu!.buttons.map(([, data]) => data)).toEqual(["prj:ask", "prj:reg", "seek:profile", "apl:mine"]);
    const [ask] = (await person.press("prj:ask")).filter((r) => r.method === "sendMessage");
    expect(ask!.text).toBe(harness.t("ru", "projects:menu.ask_location"));
    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    const replies = await person.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: person.id, type: "private" },
        from: user(person.id),
        location: { latitude: medeu.lat, longitude: medeu.lon },
      },
    } as never);
    const list = replies.at(-1)!;
    expect(list.text).toBe(harness.t("ru", "projects:list.title_near", { page: 1, pages: 3 }));
    const names = list.buttons.filter(([, d]) => d.startsWith("prj:card")).map(([label]) => label);
    expect(names).toEqual([
      "Проект 01 · 1.1 км",
      "Проект 02 · 2.2 км",
      "Проект 03 · 3.3 км",
      "Проект 04 · 4.4 км",
      "Проект 05 · 5.6 км",
    ]);
    expect(names.join()).not.toContain("Заполненный");
    expect(names.join()).not.toContain("Завершённый");

    const next = list.buttons.find(([label]) => label === "▶️")![1];
    const page2 = (await person.pressData(next, 77)).find((r) => r.method === "editMessageText")!;
    expect(page2.messageId).toBe(77);
    expect(page2.text).toBe(harness.t("ru", "projects:list.title_near", { page: 2, pages: 3 }));
    expect(page2.buttons[0]![0]).toMatch(/^Проект 06/);
  });
});

describe("projects by region and district, and the card", () => {
  it("goes region → district → list → card → back to the list", async () => {
    const person = await harness.readyPerson();
    await person.send(harness.t("ru", "menu.jobs"));
    const regions = (await person.press("prj:reg")).find((r) => r.method === "editMessageText")!;
    expect(regions.buttons).toHaveLength(17);
    const almatyCity = regions.buttons.find(([label]) => label === "город Алматы")!;
    const districts = (await person.pressData(almatyCity[1])).find((r) => r.method === "editMessageText")!;
    expect(districts.buttons.map(([label]) => label)).toContain("Алмалинский район");
    const alatau = districts.buttons.find(([, data]) => data.startsWith("prj:list"))!; // the first district of the city
    const list = (await person.pressData(alatau[1])).find((r) => r.method === "editMessageText")!;
    const card = (await person.pressData(list.buttons.find(([label]) => label === "Школа № 7")![1])).find(
      (r) => r.method === "editMessageText",
    )!;
    expect(card.text).toContain("🏗 Школа № 7");
    expect(card.text).toContain(harness.t("ru", "projects:card.quota", { quota: 3, percent: 20, issued: 1 })); // 11 jobs → 3
    expect(card.text).toContain(
      harness.t("ru", "projects:card.position", {
        profession: "Каменщик",
        open: 7,
        count: 8,
        wage: "150\u00a0000" /* ru-RU groups digits with a no-break space */,
        minors: "",
      }),
    );
    expect(card.text).toContain(harness.t("ru", "projects:card.minors"));
    expect(card.text).toContain("01.04.2021 — 30.11.2021");
    const share = card.buttons.find(([label]) => label === harness.t("ru", "projects:card.share"));
    expect(share).toBeDefined();
    const back = card.buttons.find(([label]) => label === harness.t("ru", "projects:card.back"))!;
    expect(back[1]).toBe(`${alatau[1]}:0-`); // the same page of the same district, with the filter it showed (none)
  });

  it("sends the site as a venue", async () => {
    const person = await harness.readyPerson("kk");
    const replies = await person.pressData(`prj:map:${school.id}`);
    const venue = replies.find((r) => r.method === "sendVenue");
    expect(harness.telegram.calls.filter((c) => c.method === "sendVenue").at(-1)!.payload).toMatchObject({
      latitude: 43.2,
      longitude: 76.9,
      title: "Школа № 7 (kk)",
    });
    expect(venue).toBeDefined();
  });

  it("answers stale or forged project data without crashing", async () => {
    const person = await harness.readyPerson();
    const missing = await person.pressData("prj:card:999999:-");
    expect(missing.find((r) => r.method === "sendMessage")!.text).toBe(harness.t("ru", "projects:card.not_found"));
    await person.pressData("prj:card:abc:-");
    expect(harness.telegram.calls.at(-1)!.payload.text).toBe(harness.t("ru", "fallback.stale_button"));
  });
});

describe("the shared link /start p<id>", () => {
  it("opens the card for someone new after the language choice", async () => {
    const person = harness.person({ languageCode: "kk" });
    const [choice] = await person.send(`/start p${school.id}`);
    expect(choice!.buttons.map(([, data]) => data)).toEqual([`lang:kk:p${school.id}`, `lang:ru:p${school.id}`]);
    const replies = (await person.press(`lang:kk:p${school.id}`)).filter((r) => r.method === "sendMessage");
    expect(replies.map((r) => r.text.split("\n")[0])).toEqual([
      harness.t("kk", "start.welcome").split("\n")[0],
      "🏗 Школа № 7 (kk)",
    ]);
  });

  it("opens it directly for someone known, and says so when the project does not exist", async () => {
    const person = await harness.readyPerson();
    const [card] = await person.send(`/start p${school.id}`);
    expect(card!.text.split("\n")[0]).toBe("🏗 Школа № 7");
    const [missing] = await person.send("/start p999999");
    expect(missing!.text).toBe(harness.t("ru", "projects:card.not_found"));
  });
});

describe("the list's filters", () => {
  it("shows only my professions by default when the profile has some; both filters can be changed and survive paging", async () => {
    const district = BOSTANDYK;
    await addProject(database.db, {
      districtKato: district,
      name: "Кладка",
      lat: 43.3,
      lon: 76.9,
      positions: [{ code: "mason", count: 4 }],
    });
    const welding = await addProject(database.db, {
      districtKato: district,
      name: "Сварка",
      lat: 43.3,
      lon: 76.9,
      positions: [{ code: "welder", count: 4 }],
    });
    await database.db.project.update({ where: { id: welding.id }, data: { workKind: "current_repair" } });
    const districtId = (await database.db.district.findUniqueOrThrow({ where: { kato: district } })).id;
    const mason = await database.db.profession.findUniqueOrThrow({ where: { code: "mason" } });
    const person = await harness.readyPerson();
    await registerSeeker(database.store, person, {
      iin: makeIin("900101"),
      districtKato: district,
      professionIds: [mason.id],
      anyWork: false,
    });

    const names = (reply: { buttons: Array<[string, string]> }) =>
      reply.buttons.filter(([, d]) => d.startsWith("prj:card")).map(([label]) => label);
    const open = async (data: string) => (await person.pressData(data)).find((r) => r.method === "editMessageText")!;
    const mine = await open(`prj:list:${districtId}:1`);
    expect(names(mine)).toEqual(["Кладка"]);
    expect(mine.text).toContain(
      harness.t("ru", "projects:filter.active", { filters: harness.t("ru", "projects:filter.mine_on") }),
    );
    const toggle = mine.buttons.find(([label]) => label === harness.t("ru", "projects:filter.mine_on_button"))!;
    const all = await open(toggle[1]);
    expect(names(all)).toEqual(["Кладка", "Сварка"]);

    const kinds = await open(all.buttons.find(([label]) => label.startsWith("🔧"))![1]);
    const repair = kinds.buttons.find(([label]) => label === harness.t("ru", "projects:work.current_repair"))!;
    const repairs = await open(repair[1]);
    expect(names(repairs)).toEqual(["Сварка"]);
    // The card's back button keeps both filters.
    const card = await open(repairs.buttons.find(([label]) => label === "Сварка")![1]);
    const back = await open(card.buttons.find(([label]) => label === harness.t("ru", "projects:card.back"))![1]);
    expect(names(back)).toEqual(["Сварка"]);

    // Someone without a profile sees everything and no "my professions" toggle.
    const stranger = await harness.readyPerson();
    const list = (await stranger.pressData(`prj:list:${districtId}:1`)).find((r) => r.method === "editMessageText")!;
    expect(names(list)).toEqual(["Кладка", "Сварка"]);
    expect(list.buttons.some(([label]) => label.includes(harness.t("ru", "projects:filter.mine_off_button")))).toBe(
      false,
    );
  });
});
