// The driver adapter that the Prisma CLI (migrate deploy, migrate dev) uses, with the
// workarounds ARCHITECTURE.md lists for Prisma 6.19 + @prisma/adapter-pg on these machines.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
// name (19) and "char" (18) columns come back as text; name[] (1003) as text[]
// (prisma/orm issue 27403: "Column type 'name' could not be deserialized").
const AS_TEXT: Record<number, number> = { 18: TEXT, 19: TEXT, 1003: TEXT_ARRAY };
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0]);

function retypeNameColumns(result: pg.QueryResult): pg.QueryResult {
  result.fields?.forEach((field, column) => {
    const original = field.dataTypeID;
    const replacement = AS_TEXT[original];
    if (replacement === undefined) return;
    field.dataTypeID = replacement;
    if (original !== 1003) return;
    for (const row of result.rows as unknown[][]) {
      const value = row[column];
      if (typeof value === "string") row[column] = parseTextArray(value);
    }
  });
  return result;
}

class NameAsTextClient extends pg.Client {
  // pg.Pool calls query with a callback; direct callers use the promise.
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query has a dozen overloads, forwarded as they are
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) =>
        last(error, result ? retypeNameColumns(result) : result);
    }
    // biome-ignore lint/suspicious/noExplicitAny: the same overloads
    const outcome = (super.query as any)(...args);
    return outcome && typeof outcome.then === "function" ? outcome.then(retypeNameColumns) : outcome;
  }
}

function poolFor(connectionString: string): pg.Pool {
  // allowExitOnIdle: an idle pool must not keep the CLI waiting ~10 s on exit.
  return new pg.Pool({
    connectionString,
    Client: NameAsTextClient,
    allowExitOnIdle: true,
    idleTimeoutMillis: 200,
    max: 4,
  });
}

/** Like PrismaPg, but the shadow database is dropped only after its pool is closed. */
class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolFor(url), { disposeExternalPool: true });
  }

  override async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const shadow = new PrismaPg(poolFor(shadowUrl.toString()), { disposeExternalPool: true });
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export function createCliAdapter(url: string): PrismaPg {
  return new CliPrismaPg(url);
}
