// createBot(deps) on a real database, with people who talk to it and a record of its answers.
import { createTestDatabase, type TestDatabase } from "./database.js";
import { telegramSender } from "../../src/bot/notification-sender.js";
import type { Bot } from "grammy";
import type { i18n } from "i18next";
import type { Update } from "grammy/types";
import pino from "pino";
import type { BotContext } from "../../src/bot/context.js";
import { createI18n, type Lang } from "../../src/presentation/i18n.js";
import { createBot } from "../../src/bot/index.js";
import { createServices, type Services } from "../../src/services/index.js";
import { createDownloader } from "../../src/bot/download.js";
import type { Db, Store } from "../../src/db/store.js";
import { createPii } from "../../src/services/pii.js";
import type { Logger } from "../../src/logger.js";
import type { RateLimit } from "../../src/bot/middlewares/rate-limit.js";

export const TEST_PII_KEY = Buffer.alloc(32, 42);
import { Api } from "grammy";
import { lazyBoss, NOTIFY_QUEUE } from "../../src/jobs/boss.js";
import { createOutbox, processNotifyJob, type DeliveryOutcome, type NotifyJob } from "../../src/jobs/outbox.js";
import type { Outbox } from "../../src/services/notifications.js";
import { createReminderScheduler, type ReminderScheduler } from "../../src/jobs/reminders.js";
import { createFakeTelegram, type ApiCall, type FakeTelegram } from "./telegram.js";

export const BOT_INFO = {
  id: 42,
  is_bot: true as const,
  first_name: "Roadmap",
  username: "roadmap_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

let i18nInstance: Promise<i18n> | undefined;
export const testI18n = () => (i18nInstance ??= createI18n());

export interface Reply {
  method: string;
  text: string;
  /** Inline buttons as [label, callback data]. */
  buttons: Array<[string, string]>;
  /** Reply-keyboard labels. */
  keyboard: string[];
  messageId?: number;
}

/** The texts of the messages the bot sent among these replies. */
export const sentTexts = (replies: Reply[]) => replies.filter((r) => r.method === "sendMessage").map((r) => r.text);
/** The same with the messages it edited in place (screens opened by buttons). */
export const shownTexts = (replies: Reply[]) =>
  replies.filter((r) => r.method === "sendMessage" || r.method === "editMessageText").map((r) => r.text);

function toReply(call: ApiCall): Reply {
  const markup = call.payload.reply_markup as
    | {
        inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>>;
        keyboard?: Array<Array<{ text: string } | string>>;
      }
    | undefined;
  return {
    method: call.method,
    text: String(call.payload.text ?? ""),
    buttons: (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? ""]),
    keyboard: (markup?.keyboard ?? []).flat().map((b) => (typeof b === "string" ? b : b.text)),
    messageId: call.payload.message_id as number | undefined,
  };
}

export interface Harness {
  bot: Bot<BotContext>;
  /** The services the bot was given (the staff desk and the jobs take the same). */
  services: Services;
  jobs?: ReturnType<typeof lazyBoss>;
  telegram: FakeTelegram;
  i18n: i18n;
  t(lang: Lang, key: string, options?: Record<string, unknown>): string;
  person(options?: PersonOptions): Person;
  /** A new person who has pressed /start and chosen a language. */
  readyPerson(lang?: Lang, options?: Omit<PersonOptions, "languageCode">): Promise<Person>;
  /** Does the outbox worker's work now: takes every due notification job from pg-boss and delivers it. */
  flushNotifications(): Promise<DeliveryOutcome[]>;
  /** flushNotifications until nothing is left, making due at once what waits for its chat or for Telegram. */
  flushAll(): Promise<DeliveryOutcome[]>;
  /** The Api the outbox worker uses (no auto-retry), recording into the same fake Telegram. */
  outboxApi: Api;
}

let nextUpdateId = 1;
let nextPersonId = 7_000_000;

export interface PersonOptions {
  id?: number;
  languageCode?: string;
  /** Telegram's first name (one shared default unless told). */
  firstName?: string;
  username?: string;
}

export interface HarnessOptions {
  /** The staff desk's address (WEB_APP_URL). */
  webAppUrl?: string;
  /** The personal-data key (TEST_PII_KEY unless told). */
  piiKey?: Buffer;
  adminIds?: bigint[];
  now?: () => Date;
  /** Gives the bot a real pg-boss job queue on this database (for reminders). */
  databaseUrl?: string;
  /** The tests talk faster than any person: they get a wide limit unless they test the limit. */
  rateLimit?: RateLimit;
  /** The bot's log (silent unless TEST_LOG_LEVEL). */
  log?: Logger;
  /** Whether the demo history is still loading (a first start). */
  demoLoading?: () => boolean;
  /** As in webhook mode. */
}

const TEST_RATE_LIMIT: RateLimit = { updates: 10_000, perMilliseconds: 1_000 };

const noQueue = () => Promise.reject(new Error("this test has no job queue: pass databaseUrl to createHarness"));
const noJobQueue: ReminderScheduler = { schedule: noQueue, cancel: noQueue };
const noOutbox: Outbox = { enqueue: noQueue };
export const TOKEN = "123456:TEST-token-for-the-recording-client";

/** What waits for its chat's second, Telegram's retry_after or pg-boss's backoff, made due now. */
export async function makeNotificationsDue(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `update pgboss.job set start_after = now() where name = $1 and state in ('created', 'retry')`,
    NOTIFY_QUEUE,
  );
  await db.$executeRawUnsafe(`update "User" set "nextMessageAt" = null`);
  await db.$executeRawUnsafe(`update "OutboxClock" set "nextAt" = now()`);
}

/** The services on `store`, as the bot gets them (the outbox: none unless given). */
export const testServices = (store: Store, outbox: Outbox = noOutbox): Services =>
  createServices({ store, pii: createPii(TEST_PII_KEY), outbox });

export async function createHarness(store: Store, options: HarnessOptions = {}): Promise<Harness> {
  const telegram = createFakeTelegram();
  const i18n = await testI18n();
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const jobs = options.databaseUrl ? lazyBoss(options.databaseUrl, log) : undefined;
  const reminders = jobs ? createReminderScheduler(jobs.get) : noJobQueue;
  const outbox = jobs ? createOutbox(jobs.get) : noOutbox;
  const services = createServices({ store, pii: createPii(options.piiKey ?? TEST_PII_KEY), outbox });
  const bot = createBot(
    {
      services,
      i18n,
      log,
      adminIds: options.adminIds ?? [],
      now: options.now ?? (() => new Date()),
      reminders,
      download: createDownloader(TOKEN, undefined, telegram.fetch),
      webAppUrl: options.webAppUrl,
      demoLoading: options.demoLoading,
    },
    {
      token: TOKEN,
      botInfo: BOT_INFO,
      client: { fetch: telegram.fetch },
      rateLimit: options.rateLimit ?? TEST_RATE_LIMIT,
    },
  );
  const outboxApi = new Api(TOKEN, { fetch: telegram.fetch });
  const harness: Harness = {
    bot,
    services,
    jobs,
    telegram,
    i18n,
    t: (lang, key, opts) => i18n.getFixedT(lang)(key, opts),
    person: (opts = {}) =>
      new Person(
        harness,
        opts.id ?? nextPersonId++,
        opts.languageCode ?? "ru",
        opts.firstName ?? "Айгерім",
        opts.username,
      ),
    outboxApi,
    async flushNotifications() {
      if (!jobs) throw new Error("this test has no job queue: pass databaseUrl to createHarness");
      const boss = await jobs.get();
      const outcomes: DeliveryOutcome[] = [];
      for (;;) {
        const batch = await boss.fetch<NotifyJob>(NOTIFY_QUEUE, { batchSize: 50 });
        if (!batch.length) return outcomes;
        for (const job of batch) {
          const outcome = await processNotifyJob(
            boss,
            { services, sender: telegramSender(outboxApi, i18n, "roadmap_test_bot"), log },
            job,
          );
          outcomes.push(outcome);
          if (typeof outcome === "object" && "failed" in outcome)
            await boss.fail(NOTIFY_QUEUE, job.id, { error: outcome.failed });
          else await boss.complete(NOTIFY_QUEUE, job.id);
        }
      }
    },
    async flushAll() {
      const outcomes: DeliveryOutcome[] = [];
      for (let round = 0; round < 20; round++) {
        outcomes.push(...(await harness.flushNotifications()));
        if ((await store.db.notification.count({ where: { sentAt: null, failedAt: null } })) === 0) break;
        await makeNotificationsDue(store.db);
      }
      return outcomes;
    },
    async readyPerson(lang = "ru", opts = {}) {
      const person = harness.person({ ...opts, languageCode: lang });
      await person.send("/start");
      await person.press(`lang:${lang}`);
      return person;
    },
  };
  return harness;
}

export class Person {
  private messageId = 1;
  constructor(
    private readonly harness: Harness,
    readonly id: number,
    readonly languageCode: string,
    readonly firstName: string,
    readonly username?: string,
  ) {}

  private get from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      language_code: this.languageCode,
      ...(this.username ? { username: this.username } : {}),
    };
  }
  private get chat() {
    return { id: this.id, type: "private" as const, first_name: this.firstName };
  }

  /** Feeds one update to the bot and returns what the bot sent because of it. */
  async deliver(update: Omit<Update, "update_id">): Promise<Reply[]> {
    const before = this.harness.telegram.calls.length;
    await this.harness.bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
    return this.harness.telegram.calls.slice(before).map(toReply);
  }

  send(text: string): Promise<Reply[]> {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }]
      : undefined;
    return this.deliver({
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        text,
        entities,
      },
    });
  }

  /** Sends a file as a document, as Telegram would (the bot fetches it with getFile). */
  sendDocument(fileName: string, bytes: Buffer): Promise<Reply[]> {
    const fileId = this.harness.telegram.addFile(bytes);
    return this.deliver({
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat,
        from: this.from,
        document: { file_id: fileId, file_unique_id: fileId, file_name: fileName, file_size: bytes.length },
      },
    });
  }

  /** Presses an inline button, found by its label or callback data among the bot's messages to this person. */
  press(labelOrData: string): Promise<Reply[]> {
    const sent = this.sentToMe().reverse();
    const owner = sent.find((reply) =>
      reply.buttons.some(([label, data]) => label === labelOrData || data === labelOrData),
    );
    const button = owner?.buttons.find(([label, data]) => label === labelOrData || data === labelOrData);
    if (!button) throw new Error(`no button "${labelOrData}" in the bot's messages`);
    return this.pressData(button[1], owner?.messageId ?? 1000);
  }

  /** Sends callback data as Telegram would, also data no button carries (forged or stale). */
  pressData(data: string, messageId = 1000): Promise<Reply[]> {
    return this.deliver({
      callback_query: {
        id: String(nextUpdateId),
        from: this.from,
        chat_instance: "test",
        data,
        message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: this.chat, text: "" },
      },
    } as Omit<Update, "update_id">);
  }

  /** Types "@bot <query>" in any chat (inline mode), optionally where Telegram says they are. */
  inline(query: string, location?: { latitude: number; longitude: number }): Promise<Reply[]> {
    return this.deliver({
      inline_query: {
        id: `iq${nextUpdateId}`,
        from: this.from,
        query,
        offset: "",
        chat_type: "sender",
        ...(location ? { location } : {}),
      },
    } as Omit<Update, "update_id">);
  }

  /** Everything the bot sent or edited in this chat, oldest first. */
  sentToMe(): Reply[] {
    return this.harness.telegram.calls.filter((call) => Number(call.payload.chat_id) === this.id).map(toReply);
  }
}

export interface TestBot {
  database: TestDatabase;
  harness: Harness;
}

/**
 * A test file's own database (a copy of the migrated template) and the bot on it; `jobs` gives it
 * a real pg-boss queue on that database (reminders, the outbox).
 */
export async function openTestBot(
  options: Omit<HarnessOptions, "databaseUrl"> & { jobs?: boolean } = {},
): Promise<TestBot> {
  const { jobs, ...rest } = options;
  const database = await createTestDatabase();
  const harness = await createHarness(database.store, { ...rest, ...(jobs ? { databaseUrl: database.url } : {}) });
  return { database, harness };
}

/** Stops the bot's job queue, if it has one, and drops the file's database. */
export async function closeTestBot(bot: Partial<TestBot>): Promise<void> {
  await bot.harness?.jobs?.stop();
  await bot.database?.drop();
}
