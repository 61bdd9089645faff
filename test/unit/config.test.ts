import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345";
const KEY = Buffer.alloc(32, 1).toString("base64");

describe("configuration", () => {
  it("needs only BOT_TOKEN: polling on the embedded database with demo data", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      botToken: TOKEN,
      mode: "polling",
      databaseUrl: undefined,
      seedDemoData: true,
      logLevel: "info",
      adminIds: [],
    });
    expect(config.databasePoolSize).toBeUndefined(); // two connections per core (defaultPoolSize)
  });

  it("reads the number of database connections", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: "24" }).databasePoolSize).toBe(24);
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: "" }).databasePoolSize).toBeUndefined();
  });

  it("reads admins, the API root and a server database (no demo data unless asked)", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_TELEGRAM_IDS: " 12, 34 ",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      DATABASE_URL: "postgresql://u:p@db:5432/roadmap",
      LOG_LEVEL: "debug",
      PII_KEY: KEY,
    });
    expect(config.piiKey?.length).toBe(32);
    expect(config.adminIds).toEqual([12n, 34n]);
    expect(config.apiRoot).toBe("http://127.0.0.1:8081");
    expect(config.seedDemoData).toBe(false);
    expect(
      loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgres://db/x", PII_KEY: KEY, SEED_DEMO_DATA: "true" })
        .seedDemoData,
    ).toBe(true);
  });

  it("accepts webhook mode with its URL and a long enough secret", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.kz/tg",
      WEBHOOK_SECRET: "a".repeat(16),
      PORT: "9000",
    });
    expect(config.webhook).toEqual({
      url: "https://bot.example.kz/tg",
      secret: "a".repeat(16),
      port: 9000,
      replyWithinMs: 50_000,
    });
    const quick = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.kz/tg",
      WEBHOOK_SECRET: "a".repeat(16),
      WEBHOOK_REPLY_WITHIN_SECONDS: "2.5",
    });
    expect(quick.webhook?.replyWithinMs).toBe(2_500);
  });

  it("starts the HTTP server whenever PORT is set, and in webhook mode on 8080 by default; takes the desk's address", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).port).toBeUndefined();
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "3000" }).port).toBe(3000);
    expect(
      loadConfig({
        BOT_TOKEN: TOKEN,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://x.kz/h",
        WEBHOOK_SECRET: "a".repeat(16),
      }).port,
    ).toBe(8080);
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "https://bot.example.kz/desk" }).webAppUrl).toBe(
      "https://bot.example.kz/desk",
    );
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "http://127.0.0.1:3000/desk" }).webAppUrl).toBe(
      "http://127.0.0.1:3000/desk",
    );
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "http://localhost:3000/desk" }).webAppUrl).toBe(
      "http://localhost:3000/desk",
    );
  });

  it.each([
    [{}, /^BOT_TOKEN is required/],
    [
      { BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "http://bot.example.kz/desk" },
      /^WEB_APP_URL must be an https:\/\/ URL/,
    ],
    [
      { BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "https://bot.example.kz/" },
      /^WEB_APP_URL needs a path of its own/,
    ],
    [
      { BOT_TOKEN: TOKEN, PORT: "3000", WEB_APP_URL: "https://bot.example.kz/ru" },
      /^WEB_APP_URL needs a path of its own/,
    ],
    [{ BOT_TOKEN: TOKEN, WEB_APP_URL: "https://bot.example.kz/desk" }, /^PORT is required with WEB_APP_URL/],
    [{ BOT_TOKEN: "nonsense" }, /^BOT_TOKEN does not look like a bot token/],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://x/y" }, /^DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_REPLY_WITHIN_SECONDS: "60" }, /^WEBHOOK_REPLY_WITHIN_SECONDS must be at most 55/],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "postgresql://db/x" }, /^PII_KEY is required with DATABASE_URL/],
    [{ BOT_TOKEN: TOKEN, PII_KEY: "c2hvcnQ=" }, /^PII_KEY must be 32 random bytes in base64/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "socket" }, /^BOT_MODE must be polling or webhook/],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_SECRET: "a".repeat(16) },
      /^WEBHOOK_URL is required when BOT_MODE=webhook/,
    ],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.kz/h", WEBHOOK_SECRET: "short" },
      /^WEBHOOK_SECRET must be at least 16 characters/,
    ],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.kz/h", WEBHOOK_SECRET: "sixteen chars!!!!" },
      /^WEBHOOK_SECRET may hold only/,
    ],
    [{ BOT_TOKEN: TOKEN, PORT: "99999" }, /^PORT /],
    [{ BOT_TOKEN: TOKEN, ADMIN_TELEGRAM_IDS: "12,abc" }, /^ADMIN_TELEGRAM_IDS "abc" is not a Telegram user id/],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of/],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" }, /^TELEGRAM_API_ROOT must be a URL/],
    [{ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: "many" }, /^DATABASE_POOL_SIZE must be a number of connections/],
    [{ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: "2.5" }, /^DATABASE_POOL_SIZE must be a whole number/],
    [{ BOT_TOKEN: TOKEN, DATABASE_POOL_SIZE: "0" }, /^DATABASE_POOL_SIZE must be at least 1/],
  ])("refuses %j with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });
});
