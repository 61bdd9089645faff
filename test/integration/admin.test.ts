// Administration through the bot: centres, one-time invitations, removing staff, the audit log.
import { ALATAU, MEDEU, ZHETYSU } from "../helpers/places.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../helpers/database.js";
import { closeTestBot, openTestBot, type Harness, type Person, sentTexts, shownTexts } from "../helpers/harness.js";
import { addCentre } from "../helpers/staff.js";

const ADMIN_ID = 555_000_111;
let now = new Date("2021-06-01T08:00:00Z");
let database: TestDatabase;
let harness: Harness;
let admin: Person;

beforeAll(async () => {
  ({ database, harness } = await openTestBot({ now: () => now, adminIds: [BigInt(ADMIN_ID)], jobs: true }));
  admin = harness.person({ id: ADMIN_ID, firstName: "Әкімші" });
  await admin.send("/start");
  await admin.press("lang:ru");
});
afterAll(() => closeTestBot({ database, harness }));

async function invitationLink(centreId: number): Promise<string> {
  const [reply] = shownTexts(await admin.pressData(`adm:inv:${centreId}`));
  return /start=(s[A-Za-z0-9_-]{24})/.exec(reply!)![1]!;
}

describe("employment centres", () => {
  it("are created by an admin: names, addresses, phone, then districts; wrong answers asked again", async () => {
    await admin.send(harness.t("ru", "menu.admin"));
    await admin.pressData("adm:new");
    expect(shownTexts(await admin.send("А"))[0]).toBe(harness.t("ru", "admin:editor.invalid.text"));
    await admin.send("Алатау ауданының жұмыспен қамту орталығы");
    await admin.send("Центр занятости Алатауского района");
    await admin.send("Алатау ауданы, Шаляпин көшесі, 5");
    await admin.send("Алатауский район, ул. Шаляпина, 5");
    expect(shownTexts(await admin.send("not a phone"))[0]).toBe(harness.t("ru", "admin:editor.invalid.phone"));
    await admin.send("8 727 300 00 00");
    const almaty = await database.db.region.findFirstOrThrow({ where: { districts: { some: { kato: ALATAU } } } });
    const alatau = await database.db.district.findUniqueOrThrow({ where: { kato: ALATAU } });
    await admin.pressData(`admc:r:${almaty.id}`);
    expect(shownTexts(await admin.pressData("admc:save"))[0]).toBe(
      harness.t("ru", "admin:editor.invalid.no_districts"),
    );
    await admin.pressData(`admc:d:${alatau.id}`);
    await admin.pressData("admc:save");
    const centre = await database.db.employmentCentre.findFirstOrThrow({
      where: { nameRu: "Центр занятости Алатауского района" },
      include: { districts: true },
    });
    expect(centre).toMatchObject({ phone: "+77273000000", addressKk: "Алатау ауданы, Шаляпин көшесі, 5" });
    expect(centre.districts.map((d) => d.districtId)).toEqual([alatau.id]);
    expect(await database.db.auditLog.count({ where: { action: "create_centre", entityId: String(centre.id) } })).toBe(
      1,
    );
  });

  it("are edited by an admin: a value kept or typed anew, the districts replaced, the change audited with what it was", async () => {
    const centre = await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района");
    const medeu = await database.db.district.findUniqueOrThrow({ where: { kato: MEDEU } });
    const zhetysu = await database.db.district.findUniqueOrThrow({ where: { kato: ZHETYSU } });
    const [ask] = (await admin.pressData(`adm:edit:${centre.id}`)).filter((r) => r.method === "sendMessage");
    expect(ask!.text).toBe(harness.t("ru", "admin:editor.ask.nameKk"));
    expect(ask!.buttons.map(([, data]) => data)).toContain("admc:keep");
    for (let i = 0; i < 4; i++) await admin.pressData("admc:keep"); // both names and both addresses stay
    await admin.send("8 727 311 22 33");
    await admin.pressData(`admc:r:${medeu.regionId}`);
    await admin.pressData(`admc:d:${medeu.id}`); // off
    await admin.pressData(`admc:d:${zhetysu.id}`); // on
    await admin.pressData("admc:save");
    const saved = await database.db.employmentCentre.findUniqueOrThrow({
      where: { id: centre.id },
      include: { districts: true },
    });
    expect(saved).toMatchObject({
      nameKk: centre.nameKk,
      nameRu: centre.nameRu,
      addressKk: centre.addressKk,
      addressRu: centre.addressRu,
      phone: "+77273112233",
    });
    expect(saved.districts.map((d) => d.districtId)).toEqual([zhetysu.id]);
    const entry = await database.db.auditLog.findFirstOrThrow({
      where: { action: "update_centre", entityId: String(centre.id) },
    });
    expect(entry.before).toMatchObject({ phone: centre.phone, districtIds: [medeu.id] });
    expect(entry.after).toMatchObject({ phone: "+77273112233", districtIds: [zhetysu.id] });
  });

  it("are refused to someone who is not an admin, even with forged buttons", async () => {
    const someone = await harness.readyPerson();
    const before = await database.db.invitation.count();
    const replies = await someone.pressData("adm:inv:1");
    expect(sentTexts(replies)).toEqual([harness.t("ru", "errors.not_allowed")]);
    expect(await database.db.invitation.count()).toBe(before);
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(someone.id) } });
    expect(
      await database.db.auditLog.count({ where: { actorUserId: user.id, action: "refused", entityId: "adm:inv:1" } }),
    ).toBe(1);
  });
});

describe("invitations", () => {
  it("make the person staff once; a used, forged or expired link changes nothing", async () => {
    const centre = await addCentre(database.db, [MEDEU], "ЦЗН Медеуского района");
    const payload = await invitationLink(centre.id);
    const stored = await database.db.invitation.findFirstOrThrow({ where: { centreId: centre.id } });
    expect(stored.tokenHash).not.toContain(payload.slice(1)); // only the hash is stored

    const newcomer = harness.person({ firstName: "Дана" });
    await newcomer.send(`/start ${payload}`); // someone new: language first
    const accepted = shownTexts(await newcomer.press(`lang:kk:${payload}`)).at(-1);
    expect(accepted).toBe(harness.t("kk", "staff:invitation.accepted", { centre: "ЦЗН Медеуского района (kk)" }));
    const user = await database.db.user.findUniqueOrThrow({
      where: { telegramId: BigInt(newcomer.id) },
      include: { staff: true },
    });
    expect(user.roles).toContain("staff");
    expect(user.staff.map((s) => s.centreId)).toEqual([centre.id]);

    const latecomer = await harness.readyPerson();
    expect(shownTexts(await latecomer.send(`/start ${payload}`))).toEqual([harness.t("ru", "staff:invitation.used")]);
    expect(shownTexts(await latecomer.send(`/start s${"A".repeat(24)}`))).toEqual([
      harness.t("ru", "staff:invitation.invalid"),
    ]);
    const expiring = await invitationLink(centre.id);
    now = new Date(now.getTime() + 72 * 3_600_000);
    expect(shownTexts(await latecomer.send(`/start ${expiring}`))).toEqual([
      harness.t("ru", "staff:invitation.expired"),
    ]);
    now = new Date("2021-06-01T08:00:00Z");
    expect(await database.db.staffMembership.count({ where: { user: { telegramId: BigInt(latecomer.id) } } })).toBe(0);

    await harness.flushAll();
    expect(admin.sentToMe().at(-1)!.text).toBe(
      harness.t("ru", "notifications:invitation_used", { centre: "ЦЗН Медеуского района", person: "Дана" }),
    );
  });

  it("lets an admin remove staff: the role goes, the person is told, the audit log shows it", async () => {
    const centre = await addCentre(database.db, [ZHETYSU], "ЦЗН Жетысуского района");
    const payload = await invitationLink(centre.id);
    const member = await harness.readyPerson();
    await member.send(`/start ${payload}`);
    const user = await database.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(member.id) } });
    await admin.pressData(`adm:staff:${centre.id}:1`);
    const [removed] = shownTexts(await admin.pressData(`adm:rm:${centre.id}:${user.id}`));
    expect(removed).toBe(harness.t("ru", "admin:staff.removed"));
    expect((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).not.toContain("staff");
    await harness.flushAll();
    expect(member.sentToMe().at(-1)!.text).toBe(
      harness.t("ru", "notifications:staff_removed", { centre: "ЦЗН Жетысуского района" }),
    );
    // A removed person's staff buttons are refused.
    expect((await member.pressData("stf:q:1:all:0")).some((r) => r.method === "editMessageText")).toBe(false);

    const [log] = shownTexts(await admin.pressData("adm:log:1:all:0:0"));
    expect(log).toContain(harness.t("ru", "admin:audit.action.remove_staff"));
    expect(log).toContain(harness.t("ru", "admin:audit.action.accept_invitation"));
  });
});
