// An admin reaches every one of the 217 demo centres in a few taps (region → centres in pages, or
// a search by a part of the name), in both languages; the audit log is filtered and stays readable
// when someone presses forged buttons; times are Kazakhstan's; removed admins lose the role at start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../../src/db/seed/random.js";
import { seedCentres } from "../../src/db/seed/centres.js";
import { syncAdminRoles } from "../../src/services/users.js";
import { adminData } from "../../src/bot/callback-data/admin.js";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, type Reply, shownTexts } from "../helpers/harness.js";

const ADMIN_ID = 555_000_222;
let now = new Date("2026-11-29T07:00:00Z");
let database: TestDatabase;
let harness: Harness;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => now, jobs: true, adminIds: [BigInt(ADMIN_ID)] }));
  await database.db.$transaction((tx) => seedCentres(tx, createRandom(1)), { timeout: 60_000 });
});
afterAll(() => closeTestBot({ database, harness }));

const buttons = (replies: Reply[]) => replies.flatMap((r) => r.buttons);
const dataOf = (replies: Reply[]) => buttons(replies).map(([, data]) => data);

/** Every centre id an admin can open by following region and page buttons from the admin home. */
async function centresReachable(admin: Person): Promise<Set<number>> {
  const home = await admin.pressData(adminData.home());
  const regions = dataOf(home).filter((d) => /^adm:r:/.test(d));
  const reached = new Set<number>();
  for (const region of regions) {
    const regionId = Number(region.split(":")[2]);
    for (let page = 1; ; page++) {
      const data: string[] = dataOf(await admin.pressData(adminData.region(regionId, page)));
      for (const d of data) if (/^adm:c:\d+$/.test(d)) reached.add(Number(d.split(":")[2]));
      if (!data.includes(adminData.region(regionId, page + 1))) break;
    }
  }
  return reached;
}

describe("the admin's centres", () => {
  it.each(["ru", "kk"] as const)(
    "reaches all 217 centres through the 17 regions and their pages (%s)",
    async (lang) => {
      const admin = harness.person({ id: ADMIN_ID, languageCode: lang });
      await admin.send("/start");
      await admin.press(`lang:${lang}`);
      const home = await admin.send(harness.t(lang, "menu.admin"));
      const regionButtons = buttons(home).filter(([, d]) => /^adm:r:[1-9]/.test(d));
      expect(regionButtons).toHaveLength(17);
      expect(shownTexts(home)[0]).toBe(harness.t(lang, "admin:home.title", { count: 217 }));
      for (const reply of home) expect(reply.buttons.length).toBeLessThanOrEqual(100);

      const all = await database.db.employmentCentre.findMany({ select: { id: true } });
      expect(all).toHaveLength(217);
      const reached = await centresReachable(admin);
      expect([...reached].sort((a, b) => a - b)).toEqual(all.map((c) => c.id).sort((a, b) => a - b));

      const card = shownTexts(await admin.pressData(adminData.centre(all.at(-1)!.id)))[0]!;
      expect(card).toContain(
        harness
          .t(lang, "admin:centre.card", { name: "x", address: "x", phone: "x", districts: "x", staff: 0 })
          .split("\n")[1]!
          .split(":")[0],
      );
    },
  );

  it("finds centres by a part of the name typed in either language, in pages, and says when there is none", async () => {
    const admin = harness.person({ id: ADMIN_ID });
    await admin.send("/start");
    await admin.press("lang:ru");
    await admin.pressData(adminData.find());
    expect(shownTexts(await admin.send("М"))[0]).toBe(harness.t("ru", "admin:search.too_short", { count: 2 }));
    const found = await admin.send("медеу");
    expect(shownTexts(found)[0]).toContain(harness.t("ru", "admin:search.found", { text: "медеу", count: 1 }));
    const medeu = await database.db.employmentCentre.findFirstOrThrow({ where: { nameRu: { contains: "Медеу" } } });
    expect(dataOf(found)).toContain(adminData.centre(medeu.id));

    await admin.pressData(adminData.find());
    const many = await admin.send("аудан"); // every Kazakh name of a district ends with «ауданы»
    const count = await database.db.employmentCentre.count({
      where: { nameKk: { contains: "аудан", mode: "insensitive" } },
    });
    expect(count).toBeGreaterThan(10);
    expect(shownTexts(many)[0]).toContain(harness.t("ru", "admin:search.found", { text: "аудан", count }));
    const next = dataOf(many).find((d) => d === adminData.search("аудан", 2))!;
    expect(Buffer.byteLength(next)).toBeLessThanOrEqual(64);
    expect(dataOf(await admin.pressData(next)).filter((d) => /^adm:c:/.test(d))).toHaveLength(10);

    await admin.pressData(adminData.find());
    const long = "Несуществующее название: очень длинный поиск 🏢🏢🏢"; // cut to 40 bytes of UTF-8 for its button
    const none = await admin.send(long);
    expect(shownTexts(none)[0]).toMatch(
      new RegExp(`^${harness.t("ru", "admin:search.nothing", { text: "@@" }).split("@@")[0]}`),
    );
    for (const data of dataOf(none)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });
});

describe("the audit log", () => {
  it("writes forged presses at most once a minute per person and kind, with their count", async () => {
    const someone = await harness.readyPerson();
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(someone.id) } });
    for (let i = 1; i <= 25; i++) await someone.pressData(`adm:inv:${i}`);
    await someone.pressData("stf:ref:5");
    now = new Date(now.getTime() + 61_000);
    await someone.pressData("adm:inv:99");
    const entries = await database.db.auditLog.findMany({
      where: { actorUserId: user.id, action: "refused" },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.entity, (e.after as { count: number }).count])).toEqual([
      ["adm:inv", 25],
      ["stf:ref", 1],
      ["adm:inv", 1],
    ]);
  });

  it("filters by kind of action, by centre and by person, newest first, in Kazakhstan's time", async () => {
    const admin = harness.person({ id: ADMIN_ID });
    await admin.send("/start");
    await admin.press("lang:ru");
    const centre = await database.db.employmentCentre.findFirstOrThrow({ orderBy: { id: "asc" } });
    now = new Date("2026-11-29T19:30:00Z"); // 30 November, 00:30 in Almaty
    const invitation = shownTexts(await admin.pressData(adminData.invite(centre.id)))[0]!;
    expect(invitation).toContain("03.12.2026 00:30"); // 72 hours later, Almaty time

    const byKind = shownTexts(
      await admin.pressData(adminData.log(1, { action: "create_invitation", centreId: 0, userId: 0 })),
    )[0]!;
    expect(byKind).toContain(
      harness.t("ru", "admin:audit.filter.kind", { kind: harness.t("ru", "admin:audit.action.create_invitation") }),
    );
    expect(byKind).toContain("30.11.2026 00:30");
    expect(byKind).not.toContain(harness.t("ru", "admin:audit.action.refused"));

    const byCentre = shownTexts(
      await admin.pressData(adminData.log(1, { action: "all", centreId: centre.id, userId: 0 })),
    )[0]!;
    expect(byCentre).toContain(harness.t("ru", "admin:audit.action.create_invitation"));
    const other = await database.db.employmentCentre.findFirstOrThrow({ orderBy: { id: "desc" } });
    const otherLog = shownTexts(
      await admin.pressData(adminData.log(1, { action: "all", centreId: other.id, userId: 0 })),
    )[0]!;
    expect(otherLog).toContain(harness.t("ru", "admin:audit.empty"));

    const adminUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    const byPerson = shownTexts(
      await admin.pressData(adminData.log(1, { action: "all", centreId: 0, userId: adminUser.id })),
    )[0]!;
    expect(byPerson).toContain(harness.t("ru", "admin:audit.action.create_invitation"));
    expect(byPerson).not.toContain(harness.t("ru", "admin:audit.action.refused"));

    const kinds = await admin.pressData(adminData.chooseKind({ action: "all", centreId: 0, userId: 0 }));
    expect(dataOf(kinds)).toContain(adminData.log(1, { action: "refused", centreId: 0, userId: 0 }));
  });

  it("is paged newest first", async () => {
    const admin = harness.person({ id: ADMIN_ID });
    const adminUser = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(ADMIN_ID) } });
    const centre = await database.db.employmentCentre.findFirstOrThrow({ orderBy: { id: "asc" } });
    for (let i = 0; i < 12; i++) {
      now = new Date(now.getTime() + 60_000);
      await admin.pressData(adminData.invite(centre.id));
    }
    const view = { action: "create_invitation" as const, centreId: 0, userId: adminUser.id };
    const first = await admin.pressData(adminData.log(1, view));
    const times = [...shownTexts(first)[0]!.matchAll(/\d\d\.\d\d\.\d{4} \d\d:\d\d/g)].map((m) => m[0]);
    expect(times).toHaveLength(10);
    expect([...times].sort().reverse()).toEqual(times);
    expect(dataOf(first)).toContain(adminData.log(2, view));
    const second = shownTexts(await admin.pressData(adminData.log(2, view)))[0]!;
    expect([...second.matchAll(/\d\d\.\d\d\.\d{4} \d\d:\d\d/g)]).toHaveLength(3);
  });
});

describe("admins listed in ADMIN_TELEGRAM_IDS", () => {
  it("lose the role at start-up once removed from the list, and listed ones get it", async () => {
    const former = harness.person();
    await database.db.user.create({ data: { telegramId: BigInt(former.id), roles: ["admin", "staff"] } });
    const listed = await database.db.user.create({ data: { telegramId: 777_000_001n, roles: [] } });
    expect(await syncAdminRoles(database.store, [listed.telegramId])).toBeGreaterThanOrEqual(2);
    expect((await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(former.id) } })).roles).toEqual([
      "staff",
    ]);
    expect((await database.db.user.findUniqueOrThrow({ where: { id: listed.id } })).roles).toEqual(["admin"]);
    expect(await syncAdminRoles(database.store, [listed.telegramId])).toBe(0);
  });
});
