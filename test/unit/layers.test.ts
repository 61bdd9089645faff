// The layers, read from the imports of src/ (.ts and .tsx). The outer layers are the chat (bot),
// the web pages (web), the jobs (jobs) and the HTTP server (server): they never reach the Prisma
// client themselves nor import one another; what two of them show alike comes from src/presentation.
// The inner layers (services, db, domain, presentation) never reach an outer one; main.ts wires
// them together. No module imports itself back through others (type-only imports are not counted for
// cycles: they vanish at run time).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s+["']([^"']+)["']/gm;

function edges(): Edge[] {
  return files(src).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(IMPORT)]
      .filter((m) => m[4]!.startsWith("."))
      .map((m) => {
        const target = resolveModule(path.resolve(path.dirname(file), m[4]!));
        const typeOnly = Boolean(m[2]) || /^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(m[3]!.trim());
        return { from: path.relative(src, file), to: path.relative(src, target), typeOnly };
      });
  });
}

/** `./x.js` is x.ts or x.tsx on disk. */
function resolveModule(specifier: string): string {
  const base = specifier.replace(/\.js$/, "");
  return existsSync(`${base}.tsx`) ? `${base}.tsx` : `${base}.ts`;
}

const layer = (file: string) => file.split(path.sep)[0]!;
const OUTER = ["bot", "web", "jobs", "server"];
const INNER = ["services", "db", "domain", "presentation", "observability"];

describe("the layers of src/", () => {
  const all = edges();

  it("reads the imports, the pages' .tsx included", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((e) => e.from.endsWith(".tsx") && e.to.startsWith("presentation"))).toBe(true);
    expect(all.some((e) => e.to.endsWith(".tsx"))).toBe(true);
  });

  it("keeps each outer layer out of the others (type-only imports too)", () => {
    const wrong = all.filter(
      (e) => OUTER.includes(layer(e.from)) && OUTER.includes(layer(e.to)) && layer(e.from) !== layer(e.to),
    );
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("keeps the inner layers out of the outer ones", () => {
    const wrong = all.filter((e) => INNER.includes(layer(e.from)) && OUTER.includes(layer(e.to)));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("keeps the Prisma client out of the chat, the jobs and the HTTP server", () => {
    const wrong = all.filter((e) => OUTER.includes(layer(e.from)) && e.to.startsWith("generated"));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("lets the chat, the jobs and the HTTP server reach the data only through the services they are given", () => {
    // From src/db they may take pure helpers (a session row's key, whether an error means the database is down) and types.
    const helpers = new Set(["db/prisma-storage.ts", "db/unavailable.ts"]);
    const outside = all.filter((e) => OUTER.includes(layer(e.from)));
    expect(
      outside
        .filter((e) => layer(e.to) === "db" && !e.typeOnly && !helpers.has(e.to))
        .map((e) => `${e.from} → ${e.to}`),
    ).toEqual([]);
    // A use case takes the store (or a transaction) as its first parameter; outside it is called through ctx.services.
    const takesDb = (file: string, name: string) =>
      new RegExp(
        `export (async )?function ${name}\\s*(<[^>]*>)?\\(\\s*(store|sql|tx)\\b|export const ${name} = \\((store|sql|tx)\\b`,
      ).test(readFileSync(path.join(src, file), "utf8"));
    const direct = outside
      .filter((e) => layer(e.to) === "services" && !e.typeOnly)
      .flatMap((e) => {
        const text = readFileSync(path.join(src, e.from), "utf8");
        const names = [...text.matchAll(IMPORT)]
          .filter(
            (m) =>
              path.relative(src, resolveModule(path.resolve(path.dirname(path.join(src, e.from)), m[4]!))) === e.to,
          )
          .flatMap((m) =>
            m[3]!
              .replace(/[{}]/g, "")
              .split(",")
              .map((n) => n.trim())
              .filter((n) => n && !n.startsWith("type ")),
          );
        return names.filter((name) => takesDb(e.to, name)).map((name) => `${e.from} → ${e.to} (${name})`);
      });
    expect(direct).toEqual([]);
    // …and writes no SQL and no Prisma query of its own.
    const queries = files(src)
      .filter((file) => OUTER.includes(layer(path.relative(src, file))))
      .filter((file) =>
        /\$queryRaw|\$executeRaw|Prisma\.sql|\.(findMany|findUnique|findFirst|create|update|upsert|deleteMany)\(\{/.test(
          readFileSync(file, "utf8"),
        ),
      );
    expect(queries.map((file) => path.relative(src, file))).toEqual([]);
  });

  it("gives the services one way to a transaction and SQL only through the store", () => {
    // Prisma's own transactions and raw queries would be a second kind of transaction, with a client
    // type of their own to pass around; a service writes SQL with Prisma.sql and runs it on the
    // store or on its transaction (src/db/store.ts). The demo loader in src/db/seed is the database
    // layer's own and may use Prisma's.
    const services = files(path.join(src, "services"));
    expect(services.length).toBeGreaterThan(30);
    const second = services.filter((file) =>
      /\$transaction|\$queryRaw|\$executeRaw|TransactionClient|isPgTransaction/.test(readFileSync(file, "utf8")),
    );
    expect(second.map((file) => path.relative(src, file))).toEqual([]);
    // One pool and one Prisma client, made in one place (the migration CLI's adapter has its own, for the migrations only).
    const makers = files(src).filter((file) => /new PrismaClient\(|new pg\.Pool\(/.test(readFileSync(file, "utf8")));
    expect(makers.map((file) => path.relative(src, file)).sort()).toEqual(["db/cli-adapter.ts", "db/store.ts"]);
  });

  it("builds every keyboard in src/bot/keyboards: the screens give them their data", () => {
    const bot = files(path.join(src, "bot"));
    // Nor do they add buttons to a keyboard they were given (paging.ts adds the pages' row to any list).
    const builders = bot
      .filter(
        (file) =>
          !path.relative(src, file).startsWith(path.join("bot", "keyboards")) &&
          !file.endsWith(path.join("bot", "paging.ts")),
      )
      .filter((file) => /new (Inline)?Keyboard\(|\.(text|row|url|webApp)\(/.test(readFileSync(file, "utf8")));
    expect(builders.map((file) => path.relative(src, file))).toEqual([]);
    expect(
      bot.some(
        (file) =>
          path.relative(src, file).startsWith(path.join("bot", "keyboards")) &&
          /new InlineKeyboard\(/.test(readFileSync(file, "utf8")),
      ),
    ).toBe(true);
  });

  it("has no import cycle", () => {
    const graph = new Map<string, string[]>();
    for (const e of all.filter((e) => !e.typeOnly)) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") return void cycles.push([...trail.slice(trail.indexOf(node)), node].join(" → "));
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

describe("statements in src/services", () => {
  const services = path.join(src, "services");

  it("are typed from the schema: no SQL text with a row type declared by hand (Prisma.sql, rows<…>, execute)", () => {
    // Kysely's `sql` fragments stay allowed: what Kysely cannot express, typed where it stands (src/db/typed.ts).
    const handTyped = files(services).filter((file) =>
      /Prisma\.sql`|\brows<|\.rows\(|\.execute\(/.test(readFileSync(file, "utf8")),
    );
    expect(handTyped.map((file) => path.relative(services, file))).toEqual([]);
  });
});
