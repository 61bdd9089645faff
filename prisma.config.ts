import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./src/db/cli-adapter.js";

// The CLI runs on the WebAssembly schema engine through the pg driver adapter: Prisma 7's
// native engine cannot be downloaded on our machines (ARCHITECTURE.md, decisions taken).
// scripts/prisma-cli.ts sets DATABASE_URL, starting the embedded database when needed.
const databaseUrl = process.env.DATABASE_URL;
// `prisma generate` reads the schema's env("DATABASE_URL") but never connects.
process.env.DATABASE_URL ??= "postgresql://localhost/not-connected";

export default defineConfig({
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  async adapter() {
    if (!databaseUrl) throw new Error("DATABASE_URL is not set: run the CLI through `npm run db:migrate`");
    return createCliAdapter(databaseUrl);
  },
});
