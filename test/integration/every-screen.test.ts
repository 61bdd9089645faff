// Every screen in both languages, through the real bot: a newcomer, a registered job seeker, a staff
// member and an admin each press every button they are shown (depth first, each kind of button at
// most twice, skipping only what deletes, withdraws, removes or switches the language), in Kazakh
// and in Russian. Everything the bot sends is read — texts, captions, button labels, callback
// answers — and the test fails on a key's name, an unfilled placeholder, the generic error, a call
// real Telegram would refuse, or a Russian sentence in a Kazakh chat.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/presentation/i18n.js";
import { submitApplication } from "../../src/services/applications.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, type Reply } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";
import { telegramRefusal, type ApiCall } from "../helpers/telegram.js";

const NOW = new Date("2021-06-15T06:00:00Z");
const ADMIN_IDS = [8_900_001, 8_900_002];
/** What the crawler never presses: it would delete, withdraw, remove, decide an identity, or change the chat's language. */
const SKIPPED = /^(seek:delete:yes|apl:wd|adm:rm|stf:icr|lang:)/;
const PRESSES_PER_KIND = 2;
const MAX_DEPTH = 8;
/** Russian words that do not occur in Kazakh: two of them in a line of a Kazakh chat make it Russian. */
const RUSSIAN_WORDS = new Set([
  "и",
  "в",
  "на",
  "что",
  "для",
  "по",
  "с",
  "от",
  "до",
  "это",
  "вы",
  "вас",
  "ваш",
  "ваша",
  "ваши",
  "вашего",
  "нет",
  "или",
  "из",
  "как",
  "при",
  "за",
  "уже",
  "ещё",
  "будет",
  "можно",
  "нужно",
  "если",
  "только",
  "ли",
  "мест",
  "проект",
  "проекты",
  "заявка",
  "заявки",
]);

/** Every key's path without its namespace and plural form ("undelivered.title"): printed, it is a missing form. */
const KEY_PATHS = new Set<string>();
const collect = (value: unknown, prefix: string) => {
  if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) collect(inner, prefix ? `${prefix}.${key}` : key);
  else KEY_PATHS.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ""));
};
const localesDir = path.resolve(import.meta.dirname, "../../locales");
for (const lang of ["kk", "ru"])
  for (const file of readdirSync(path.join(localesDir, lang)))
    collect(JSON.parse(readFileSync(path.join(localesDir, lang, file), "utf8")), "");
for (const single of [...KEY_PATHS]) if (!single.includes(".")) KEY_PATHS.delete(single);

let database: TestDatabase;
let harness: Harness;
let centreId: number;
let projectId: number;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({
    now: () => NOW,
    jobs: true,
    adminIds: ADMIN_IDS.map(BigInt),
    webAppUrl: "http://127.0.0.1/desk",
  }));
  centreId = (await addCentre(database.db, [MEDEU], "ЦЗН Медеу")).id;
  const project = await addProject(database.db, {
    districtKato: MEDEU,
    name: "Мектеп",
    lat: 43.24,
    lon: 76.96,
    positions: [
      { code: "mason", count: 3, wage: 150_000 },
      { code: "cleaner", count: 2, wage: 90_000, minors: true },
    ],
  });
  projectId = project.id;
  await addProject(database.db, { districtKato: MEDEU, name: "Саябақ", lat: 43.23, lon: 76.95, status: "completed" });
  // exactly one undelivered message: a count of one is where Kazakh's `_one` form is read
  const someone = await database.db.user.create({ data: { telegramId: 8_900_100n, language: "kk" } });
  await database.db.notification.create({
    data: {
      eventKey: "every-screen:1",
      userId: someone.id,
      kind: "registration_moved",
      payload: {},
      failedAt: NOW,
      attempts: 8,
      lastError: "Forbidden: bot was blocked by the user",
    },
  });
}, 60_000);

afterAll(() => closeTestBot({ database, harness }));

type Item = { kind: "text" | "data"; value: string; depth: number };

const shapeOf = (item: Item) => `${item.kind}:${item.value.replace(/\d+/g, "#")}`;

function textsOf(call: ApiCall): string[] {
  const p = call.payload;
  const markup = p.reply_markup as
    | { inline_keyboard?: Array<Array<{ text: string }>>; keyboard?: Array<Array<{ text: string } | string>> }
    | undefined;
  return [
    ...(typeof p.text === "string" ? [p.text] : []),
    ...(typeof p.caption === "string" ? [p.caption] : []),
    ...(markup?.inline_keyboard?.flat().map((b) => b.text) ?? []),
    ...(markup?.keyboard?.flat().map((b) => (typeof b === "string" ? b : b.text)) ?? []),
  ];
}

/** What is wrong with a text the bot sent in a `lang` chat, if anything. */
function problemsOf(text: string, lang: Lang): string[] {
  const problems: string[] = [];
  if (
    /\b(?:common|seeker|staff|admin|applications|projects|entrepreneur|loans|report|notifications|faq|desk|public):[a-z_]+\.[a-z_]/.test(
      text,
    )
  )
    problems.push("a key's name");
  const named = (text.match(/[a-z_][a-z_0-9]*(?:\.[a-z_0-9]+)+/g) ?? []).filter((token) => KEY_PATHS.has(token));
  if (named.length) problems.push(`a key's name (${named.join(", ")})`);
  for (const broken of ["{{", "}}", "undefined", "NaN", "[object", "Invalid Date", "$t("])
    if (text.includes(broken)) problems.push(`"${broken}"`);
  for (const l of ["kk", "ru"] as const)
    if (text.includes(harness.t(l, "errors.generic"))) problems.push("the generic error");
  if (lang === "kk") {
    for (const line of text.split("\n")) {
      const words = new Set(
        line
          .toLowerCase()
          .split(/[^a-zа-яёәғқңөұүһі]+/)
          .filter((w) => RUSSIAN_WORDS.has(w)),
      );
      if (words.size >= 2) problems.push(`Russian in a Kazakh chat (${[...words].join(", ")}): ${line}`);
    }
  }
  return problems;
}

/** Presses everything `person` is shown, depth first from the menu; the problems found and the screens read. */
async function crawl(person: Person, lang: Lang, start: () => Promise<Reply[]>) {
  const from = harness.telegram.calls.length;
  const presses = new Map<string, number>();
  const stack: Item[] = [];
  const push = (replies: Reply[], depth: number) => {
    const items: Item[] = replies.flatMap((reply) => [
      ...reply.buttons
        .filter(([, data]) => data && !SKIPPED.test(data))
        .map(([, data]) => ({ kind: "data" as const, value: data, depth })),
      ...reply.keyboard.map((label) => ({ kind: "text" as const, value: label, depth })),
    ]);
    stack.push(...items.reverse());
  };
  push(await start(), 0);
  push(
    await person.deliver({
      message: {
        message_id: 9_999,
        date: 0,
        chat: { id: person.id, type: "private" },
        from: { id: person.id, is_bot: false, first_name: person.firstName },
        location: { latitude: 43.24, longitude: 76.95 },
      },
    } as never),
    0,
  );
  while (stack.length) {
    const item = stack.pop()!;
    const shape = shapeOf(item);
    if ((presses.get(shape) ?? 0) >= PRESSES_PER_KIND || item.depth > MAX_DEPTH) continue;
    presses.set(shape, (presses.get(shape) ?? 0) + 1);
    if (item.depth === 0) await person.send("/cancel"); // a screen of the menu starts outside any conversation
    const replies = item.kind === "text" ? await person.send(item.value) : await person.pressData(item.value);
    push(replies, item.depth + 1);
  }
  const calls = harness.telegram.calls.slice(from);
  const problems = calls.flatMap((call) => {
    const refused = telegramRefusal(call.method, call.payload);
    return [
      ...(refused ? [`${call.method}: ${refused}`] : []),
      ...textsOf(call).flatMap((text) => problemsOf(text, lang).map((p) => `${p} — ${text.slice(0, 160)}`)),
    ];
  });
  const screens = new Set(
    calls.filter((c) => typeof c.payload.text === "string").map((c) => String(c.payload.text).replace(/\d+/g, "#")),
  );
  return {
    problems: [...new Set(problems)],
    screens: screens.size,
    presses: [...presses.values()].reduce((a, b) => a + b, 0),
  };
}

async function withLanguage(person: Person, lang: Lang) {
  await database.db.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), language: lang },
    update: { language: lang },
  });
}

const tally = { screens: 0, presses: 0 };

/** Counts what a crawl read and fails on anything wrong it found. */
function expectClean(result: Awaited<ReturnType<typeof crawl>>) {
  tally.screens += result.screens;
  tally.presses += result.presses;
  expect(result.problems).toEqual([]);
}

describe.each(["kk", "ru"] as const)("every screen in %s", (lang) => {
  it("a newcomer's", async () => {
    const person = harness.person({ languageCode: lang, firstName: lang === "kk" ? "Айгерім" : "Анна" });
    const result = await crawl(person, lang, async () => [
      ...(await person.send("/start")),
      ...(await person.pressData(`lang:${lang}`)),
    ]);
    expectClean(result);
  }, 120_000);

  it("a registered job seeker's, with an application", async () => {
    const person = harness.person({ languageCode: lang, firstName: "Ерлан" });
    const user = await registerSeeker(database.store, person, {
      iin: makeIin("990101"),
      districtKato: MEDEU,
      fullName: "Ерлан Сейтов",
    });
    await withLanguage(person, lang);
    const position = await database.db.position.findFirstOrThrow({ where: { projectId } });
    await submitApplication(database.store, user.id, position.id, NOW);
    const result = await crawl(person, lang, () => person.send("/menu"));
    expectClean(result);
  }, 120_000);

  it("a staff member's", async () => {
    const person = harness.person({ languageCode: lang, firstName: "Гүлнар" });
    await makeStaff(database.db, person, centreId);
    await withLanguage(person, lang);
    const result = await crawl(person, lang, () => person.send("/menu"));
    expectClean(result);
  }, 120_000);

  it("an admin's", async () => {
    const person = harness.person({ id: ADMIN_IDS[lang === "kk" ? 0 : 1], languageCode: lang, firstName: "Әкімші" });
    await withLanguage(person, lang);
    const result = await crawl(person, lang, () => person.send("/menu"));
    expectClean(result);
  }, 120_000);
});

afterAll(() =>
  console.log(
    `every screen: ${tally.presses} presses, ${tally.screens} distinct screens read (numbers aside), both languages`,
  ),
);
