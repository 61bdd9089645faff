// Inline mode: "@bot <place or profession>" in any chat lists open projects with room, nearest first
// to where the person is or last shared, each a short card with a button that opens the project in
// the bot; within what Telegram accepts; in the person's language; the stored place erased with them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../helpers/database.js";
import { BOT_INFO, closeTestBot, openTestBot, type Harness } from "../helpers/harness.js";
import { KYZYLORDA_CITY, MEDEU, ZHETYSU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";

let database: TestDatabase;
let harness: Harness;
const projects: Record<string, number> = {};

interface Result {
  id: string;
  title: string;
  description: string;
  input_message_content: { message_text: string };
  reply_markup: { inline_keyboard: Array<Array<{ text: string; url: string }>> };
}

async function answer(
  replies: Array<{ method: string }>,
): Promise<{ results: Result[]; button?: { text: string; start_parameter: string }; is_personal?: boolean }> {
  expect(replies.map((r) => r.method)).toEqual(["answerInlineQuery"]);
  const call = harness.telegram.calls.filter((c) => c.method === "answerInlineQuery").at(-1)!;
  const results = typeof call.payload.results === "string" ? JSON.parse(call.payload.results) : call.payload.results;
  const button = typeof call.payload.button === "string" ? JSON.parse(call.payload.button) : call.payload.button;
  return { results: results as Result[], button, is_personal: call.payload.is_personal as boolean | undefined };
}
const ids = (results: Result[]) => results.map((r) => Number(r.id.slice(1)));

beforeAll(async () => {
  ({ database, harness } = await openTestBot());
  projects.medeu = (
    await addProject(database.db, {
      districtKato: MEDEU,
      name: "Школа № 9",
      lat: 43.25,
      lon: 76.95,
      positions: [{ code: "mason", count: 5 }],
    })
  ).id;
  projects.zhetysu = (
    await addProject(database.db, {
      districtKato: ZHETYSU,
      name: "Поликлиника № 4",
      lat: 43.33,
      lon: 76.93,
      positions: [
        { code: "welder", count: 3, wage: 180_000 },
        { code: "mason", count: 2, wage: 150_000 },
      ],
    })
  ).id;
  projects.kyzylorda = (
    await addProject(database.db, {
      districtKato: KYZYLORDA_CITY,
      name: "Водопровод 100%_особый",
      lat: 44.85,
      lon: 65.5,
      positions: [{ code: "welder", count: 4 }],
    })
  ).id;
  projects.done = (
    await addProject(database.db, { districtKato: MEDEU, name: "Сквер", lat: 43.25, lon: 76.95, status: "completed" })
  ).id;
  const full = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Мост",
    lat: 43.25,
    lon: 76.95,
    positions: [{ code: "mason", count: 1 }],
  });
  await database.db.position.update({ where: { id: full.positions[0]!.id }, data: { taken: 1 } });
});
afterAll(() => closeTestBot({ database, harness }));

describe("inline mode", () => {
  it("lists open projects with room nearest to where the person last shared a location, each with a button to apply in the bot", async () => {
    const person = await harness.readyPerson("ru");
    await person.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: person.id, type: "private", first_name: "A" },
        from: { id: person.id, is_bot: false, first_name: "A" },
        location: { latitude: 44.84, longitude: 65.49 },
      },
    });
    const { results, button, is_personal } = await answer(await person.inline(""));
    expect(ids(results)).toEqual([projects.kyzylorda, projects.zhetysu, projects.medeu]);
    expect(is_personal).toBe(true);
    expect(button).toEqual({ text: harness.t("ru", "projects:inline.open_bot"), start_parameter: "inline" });
    const first = results[0]!;
    expect(first.reply_markup.inline_keyboard).toEqual([
      [
        {
          text: harness.t("ru", "projects:inline.apply"),
          url: `https://t.me/${BOT_INFO.username}?start=p${projects.kyzylorda}`,
        },
      ],
    ]);
    expect(first.description).toContain(harness.t("ru", "projects:inline.distance", { km: "1" }).trim());
    expect(first.input_message_content.message_text).toContain("Водопровод 100%_особый");
  });

  it("prefers where Telegram says the person is now", async () => {
    const person = await harness.readyPerson("ru");
    const { results } = await answer(await person.inline("", { latitude: 43.34, longitude: 76.93 }));
    expect(ids(results)).toEqual([projects.zhetysu, projects.medeu, projects.kyzylorda]);
  });

  it("matches a place or a profession, in either language, and treats % and _ as letters", async () => {
    const person = await harness.readyPerson("ru");
    const welder = await database.db.profession.findUniqueOrThrow({ where: { code: "welder" } });
    expect(ids((await answer(await person.inline(welder.nameRu.slice(0, 6)))).results).sort()).toEqual(
      [projects.zhetysu, projects.kyzylorda].sort(),
    );
    expect(ids((await answer(await person.inline("кызылорд"))).results)).toEqual([projects.kyzylorda]);
    expect(ids((await answer(await person.inline("Медеу"))).results)).toEqual([projects.medeu]);
    expect(ids((await answer(await person.inline("100%_"))).results)).toEqual([projects.kyzylorda]);
    expect(ids((await answer(await person.inline("%"))).results)).toEqual([projects.kyzylorda]); // only the name with a "%" in it
    expect((await answer(await person.inline("нет такого места"))).results).toEqual([]);
  });

  it("answers in Kazakh to a Kazakh speaker and within Telegram's limits for the longest query", async () => {
    const person = await harness.readyPerson("kk");
    const { results, button } = await answer(await person.inline("ш".repeat(256)));
    expect(results).toEqual([]);
    expect(button!.text).toBe(harness.t("kk", "projects:inline.open_bot"));
    const all = await answer(await person.inline("   "));
    expect(all.results[0]!.reply_markup.inline_keyboard[0]![0]!.text).toBe(harness.t("kk", "projects:inline.apply"));
    expect(all.results.every((r) => Buffer.byteLength(r.id) <= 64)).toBe(true);
  });

  it("forgets the shared place when the person erases their data", async () => {
    const person = await harness.readyPerson("ru");
    await person.deliver({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: person.id, type: "private", first_name: "A" },
        from: { id: person.id, is_bot: false, first_name: "A" },
        location: { latitude: 44.84, longitude: 65.49 },
      },
    });
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(person.id) } });
    expect(user.lastLat).toBe(44.84);
    await harness.services.seekers.eraseMyData(user.id, []);
    expect(await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      lastLat: null,
      lastLon: null,
      lastLocationAt: null,
    });
  });
});
