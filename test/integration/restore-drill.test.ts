// The restore drill: a day of people on one database, a backup, a restore into a new database, and
// the bot started on it with the same key: the same applications, referral numbers and counters,
// the conversation in progress goes on, the waiting notifications go out once, an IIN is still
// found by its hash. With another key, the real program says so at start-up in one line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { backupDatabase, restoreDatabase, RestoreRefused } from "../../src/db/backup.js";
import { openStore } from "../../src/db/store.js";
import { requeueUnsent } from "../../src/jobs/outbox.js";
import { submitApplication } from "../../src/services/applications.js";
import { createPii } from "../../src/services/pii.js";
import { databaseUrl, type TestDatabase } from "../helpers/database.js";
import { closeTestBot, createHarness, openTestBot, sentTexts, type Harness } from "../helpers/harness.js";
import { MEDEU } from "../helpers/places.js";
import { startProgram } from "../helpers/program.js";
import { addProject } from "../helpers/projects.js";
import { makeIin, registerSeeker } from "../helpers/seekers.js";
import { addCentre, makeStaff } from "../helpers/staff.js";

const NOW = new Date("2021-06-01T08:00:00Z");
let before: { database: TestDatabase; harness: Harness };
let restoredUrl: string;
let restoredName: string;
const folder = mkdtempSync(path.join(tmpdir(), "roadmap-backup-"));
const file = path.join(folder, "drill.backup.gz");

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: inject("pgServerUrl") });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  before = await openTestBot({ now: () => NOW, jobs: true });
  restoredName = `roadmap_restored_${Date.now()}`;
  await onServer(`CREATE DATABASE "${restoredName}"`); // empty: no migration, no table
  restoredUrl = databaseUrl(inject("pgServerUrl"), restoredName);
}, 60_000);
afterAll(async () => {
  await closeTestBot(before);
  await onServer(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  rmSync(folder, { recursive: true, force: true });
});

describe("a backup restored into a new database", () => {
  it("brings back the day's people, numbers and conversations, and sends the waiting notifications once", async () => {
    const { database, harness } = before;
    const t = (key: string) => harness.t("ru", key);
    // The day: a project, staff, two applicants (one referred: a number, a counter, a place, a notification waiting)…
    const project = await addProject(database.db, { districtKato: MEDEU, name: "Школа № 5", lat: 43.2, lon: 76.9 });
    const staff = harness.person({ firstName: "Гүлнар" });
    await makeStaff(database.db, staff, (await addCentre(database.db, [MEDEU])).id);
    const applicants = [];
    for (const [i, name] of ["Абаев Абай", "Қасымова Әйгерім"].entries()) {
      const person = harness.person();
      const iin = makeIin(i ? "990101" : "850505", i ? 4 : 3);
      const user = await registerSeeker(database.store, person, { iin, districtKato: MEDEU, fullName: name });
      const { application } = await submitApplication(database.store, user.id, project.positions[0]!.id, NOW);
      applicants.push({ person, iin, user, application: application! });
    }
    await staff.pressData(`stf:ref:${applicants[0]!.application.id}`);
    // …and someone in the middle of registering: the name given, the IIN asked.
    const newcomer = await harness.readyPerson("ru");
    await newcomer.send(t("menu.jobs"));
    await newcomer.pressData("seek:profile");
    await newcomer.press("seek:register");
    await newcomer.press("reg:yes");
    expect(sentTexts(await newcomer.send("Сейтқали Ержан"))).toEqual([t("seeker:ask.iin")]);

    const snapshot = async (db: typeof database.db) => ({
      applications: await db.application.findMany({
        select: { number: true, status: true, referralNumber: true, userId: true },
        orderBy: { id: "asc" },
      }),
      counters: await db.referralCounter.findMany(),
      taken: await db.position.findMany({ select: { id: true, taken: true }, orderBy: { id: "asc" } }),
      waiting: await db.notification.count({ where: { sentAt: null } }),
    });
    const was = await snapshot(database.db);
    expect(was.waiting).toBeGreaterThan(0);
    expect(was.counters.length).toBe(1);

    const { rows } = await backupDatabase(database.url, file);
    // Every row of every table (Prisma's record of migrations aside: the restore applies them).
    const counted = await database.store.rows<{ rows: number }>(
      (await import("../../src/generated/prisma/client.js")).Prisma.sql`
        select sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', relname), false, true, '')))[1]::text::int)::int as rows
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and relname <> '_prisma_migrations'`,
    );
    expect(rows).toBe(counted[0]!.rows);

    // A database that holds anything is refused unless told.
    await expect(restoreDatabase(database.url, file)).rejects.toBeInstanceOf(RestoreRefused);
    const restored = await restoreDatabase(restoredUrl, file);
    expect(restored.rows).toBe(rows);

    const store = openStore(restoredUrl, { poolSize: 5 });
    const after = await createHarness(store, { now: () => NOW, databaseUrl: restoredUrl });
    try {
      expect(await snapshot(store.db)).toEqual(was);
      // An IIN is still found by its hash (the same key).
      expect(await after.services.seekers.iinTakenByAnother(applicants[1]!.iin, 0)).toBe(true);
      // The waiting notification goes out once.
      const boss = await after.jobs!.get();
      expect(await requeueUnsent(boss, after.services)).toBe(was.waiting);
      const from = after.telegram.calls.length;
      await after.flushAll();
      await after.flushAll();
      const referredId = applicants[0]!.person.id;
      const told = after.telegram.calls
        .slice(from)
        .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === referredId);
      expect(told).toHaveLength(1);
      expect(String(told[0]!.payload.text)).toContain(was.applications[0]!.referralNumber!);
      // The conversation goes on where it was: the IIN is the next answer.
      const again = after.person({ id: newcomer.id });
      expect(sentTexts(await again.send(makeIin("000229", 5)))).toEqual([
        harness.t("ru", "seeker:ask.iin_confirm", { birth: "29.02.2000", sex: harness.t("ru", "seeker:sex.male") }),
      ]);
      // The counter and the sequences go on from where they were.
      const staffAgain = after.person({ id: staff.id, firstName: "Гүлнар" });
      await staffAgain.pressData(`stf:ref:${applicants[1]!.application.id}`);
      const second = await store.db.application.findUniqueOrThrow({ where: { id: applicants[1]!.application.id } });
      expect(second.referralNumber).toBe(was.applications[0]!.referralNumber!.replace(/\d{6}$/, "000002"));
      const fresh = await after.readyPerson("ru");
      expect(await store.db.user.count({ where: { telegramId: BigInt(fresh.id) } })).toBe(1);
      // Another key does not open the data.
      expect(await after.services.upkeep.keyOpensData()).toBe(true);
      const { createServices } = await import("../../src/services/index.js");
      const wrong = createServices({
        store,
        pii: createPii(Buffer.alloc(32, 1)),
        outbox: { enqueue: async () => undefined },
      });
      expect(await wrong.upkeep.keyOpensData()).toBe(false);
    } finally {
      await after.jobs?.stop();
      await store.close();
    }
  }, 120_000);

  it("makes the real program say in one line at start-up that another PII_KEY does not open the data", async () => {
    const program = startProgram({
      BOT_TOKEN: "123456:E2E-token-for-the-restore-drill",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      DATABASE_URL: restoredUrl,
      PII_KEY: Buffer.alloc(32, 1).toString("base64"),
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "info",
    });
    const code = await program.exited;
    expect(code).toBe(1);
    const output = `${program.output.stdout}\n${program.output.stderr}`;
    const lines = output.split("\n").filter((line) => line.includes("PII_KEY"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("does not open the personal data");
  }, 60_000);
});
