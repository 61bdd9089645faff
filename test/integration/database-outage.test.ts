// The database stops for ten seconds under a running bot (its own embedded PostgreSQL, so that
// the other test files keep theirs): people are told "temporarily unavailable", nothing crashes,
// and when the server is back the bot answers again and a registration goes on where it stood.
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/db/store.js";
import { defaultDataDir, ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "../../src/db/embedded.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { createHarness, type Harness, sentTexts } from "../helpers/harness.js";

const OUTAGE_MS = 10_000;
const dataDir = defaultDataDir(`postgres-outage-${process.pid}`);
let port: number;
let server: EmbeddedDatabase;
let store: Store;
let harness: Harness;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port: free } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

const start = () => startEmbeddedPostgres({ dataDir, port, durable: false });

beforeAll(async () => {
  port = await freePort();
  server = await start();
  await ensureDatabase(server.serverUrl, "roadmap");
  const url = server.urlFor("roadmap");
  await applyMigrations(url);
  store = openStore(url, { poolSize: 3 });
  harness = await createHarness(store, { databaseUrl: url });
  await harness.jobs!.get(); // the job queue's pool is connected too when the server goes
}, 120_000);

afterAll(async () => {
  await harness?.jobs?.stop().catch(() => undefined);
  await store?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("ten seconds without the database", () => {
  it("answers 'temporarily unavailable' meanwhile, then works again, and a registration goes on where it stood", async () => {
    const person = await harness.readyPerson("kk");
    await person.pressData("seek:register");
    expect(sentTexts(await person.pressData("reg:yes")).at(-1)).toBe(harness.t("kk", "seeker:ask.name"));

    await server.stop();
    const stoppedAt = Date.now();
    const during: string[][] = [];
    during.push(sentTexts(await person.send("Асқар Бекенов")));
    during.push(sentTexts(await harness.person({ languageCode: "ru" }).send("/start")));
    during.push(sentTexts(await person.send("/help")));
    const unavailable = [
      [harness.t("kk", "errors.unavailable")],
      [harness.t("ru", "errors.unavailable")],
      [harness.t("kk", "errors.unavailable")],
    ];
    expect(during).toEqual(unavailable);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    server = await start();

    // the name typed during the outage was not taken; typed again, the registration goes on
    expect(sentTexts(await person.send("Асқар Бекенов"))).toEqual([harness.t("kk", "seeker:ask.iin")]);
    expect(sentTexts(await harness.person({ languageCode: "ru" }).send("/start"))).toEqual([
      harness.t("ru", "language.choose"),
    ]);
  }, 60_000);
});
