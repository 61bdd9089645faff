// Update throughput in-process on the real database: a fixed mix of job seekers (menu, a shared
// location, the next page, a card, applying) and staff (the queue, an applicant's card, a referral)
// through createBot(deps) at a fixed concurrency; then the same updates through a bare grammY bot
// with the same persistent session storage that only echoes: the floor of any persistent bot.
// Telegram is replaced by a fetch that answers at once.
import { Bot, session, type Context, type SessionFlavor } from "grammy";
import type { Update } from "grammy/types";
import { sequentialize } from "@grammyjs/runner";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { applicationsData } from "../src/bot/callback-data/applications.js";
import { projectsData } from "../src/bot/callback-data/projects.js";
import { staffData } from "../src/bot/callback-data/staff.js";
import { createI18n } from "../src/presentation/i18n.js";
import { createBot, sessionKey } from "../src/bot/index.js";
import { countingFetch } from "../src/bot/middlewares/observe.js";
import { createMetrics } from "../src/observability/metrics.js";
import type { Db, Store } from "../src/db/store.js";
import { createPrismaStorage, sessionRowKey } from "../src/db/prisma-storage.js";
import { lazyBoss } from "../src/jobs/boss.js";
import { createOutbox } from "../src/jobs/outbox.js";
import { createServices } from "../src/services/index.js";
import { createReminderScheduler } from "../src/jobs/reminders.js";
import { createLogger } from "../src/logger.js";
import { submitApplication } from "../src/services/applications.js";
import { createPii } from "../src/services/pii.js";
import { saveProfile } from "../src/services/seekers.js";
import { BOT_INFO } from "../test/helpers/harness.js";
import { makeIin } from "../test/helpers/seekers.js";
import { mainThreadMs, nodeCpuMs, postgresCpuMs } from "./cpu.js";
import { profiled } from "./profile.js";
import { latency, type Latency } from "./stats.js";
import { updatesFrom } from "./updates.js";

export const CONCURRENCY = 16;
const WARM_UP = { seekers: 40, staff: 30 };
const MEASURED = { seekers: 400, staff: 300 };
/** People of the cost pass: each kind of update on its own, to see what it costs. */
const COSTED = { seekers: 100, staff: 100 };
const SEEKER_SESSIONS = WARM_UP.seekers + MEASURED.seekers + COSTED.seekers;
const STAFF_SESSIONS = WARM_UP.staff + MEASURED.staff + COSTED.staff;
/** Telegram ids of the bench's people: deleted and made anew on every run. */
const FIRST_ID = 5_000_000;
const TOKEN = "123456:BENCH-token";

/** Telegram, answering every call at once; counts the calls. */
function instantTelegram() {
  const counter = { calls: 0 };
  const fetch: typeof globalThis.fetch = (async (_url: string, init?: RequestInit) => {
    counter.calls++;
    const url = String(_url);
    const method = url.slice(url.lastIndexOf("/") + 1);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number; text?: string }) : {};
    const result =
      method.startsWith("send") || method.startsWith("edit")
        ? { message_id: 1, date: 0, chat: { id: body.chat_id, type: "private" }, text: body.text }
        : true;
    // grammY reads only .json(); a WHATWG Response would cost more than the bot's own work on some updates
    return { json: async () => ({ ok: true, result }) } as Response;
  }) as typeof globalThis.fetch;
  return { fetch, counter };
}

/** Removes the people of an earlier run, with their applications. */
async function clearEarlierRun(db: Db) {
  const users = await db.user.findMany({
    where: { telegramId: { gte: BigInt(FIRST_ID), lt: BigInt(FIRST_ID + 1_000_000) } },
    select: { id: true, telegramId: true },
  });
  const ids = users.map((u) => u.id);
  await db.application.deleteMany({ where: { userId: { in: ids } } });
  await db.session.deleteMany({
    where: {
      key: {
        in: users.flatMap((u) => ["conversation", "echo"].map((prefix) => sessionRowKey(prefix, String(u.telegramId)))),
      },
    },
  });
  await db.user.deleteMany({ where: { id: { in: ids } } });
  await db.employmentCentre.deleteMany({ where: { nameRu: "Центр бенчмарка обновлений" } }); // made by earlier versions of this bench
}

async function addSeeker(store: Store, pii: ReturnType<typeof createPii>, telegramId: number, districtId: number) {
  const { db } = store;
  const user = await db.user.create({ data: { telegramId: BigInt(telegramId), language: "ru", firstName: "Бенч" } });
  await saveProfile(store, pii, user.id, {
    fullName: "Бенч Бенчев",
    iin: makeIin("950101", 3),
    birthDate: new Date("1995-01-01"),
    sex: "male",
    phone: "+77010000000",
    status: "job_seeker",
    studying: false,
    working: false,
    districtId,
    professionIds: [],
    anyWork: true,
    willingToRelocate: true,
  });
  return user.id;
}

interface Sessions {
  warmUp: Update[][];
  measured: Update[][];
  costed: { seekers: Update[][]; staff: Update[][] };
}

/** The people and what each of them will send, each at a position with room of an open project. */
async function prepare(store: Store, pii: ReturnType<typeof createPii>, jobsLabel: string): Promise<Sessions> {
  const { db } = store;
  await clearEarlierRun(store.db);
  const positions = await db.$queryRaw<
    Array<{ id: number; projectId: number; lat: number; lon: number; districtId: number }>
  >`
    select s.id, s."projectId", p.lat, p.lon, p."districtId" from "Position" s
    join "Project" p on p.id = s."projectId"
    where p.status in ('planned', 'in_progress') and s.count > s.taken
    order by s.id`;
  if (positions.length < 2 * Math.max(SEEKER_SESSIONS, STAFF_SESSIONS))
    throw new Error(`only ${positions.length} positions with room`);
  // Staff work at the demo's centre of their applicant's district, as centres are set up: one per district.
  const centreOf = new Map<number, number>();
  for (const row of await db.centreDistrict.findMany({ orderBy: { centreId: "asc" } }))
    if (!centreOf.has(row.districtId)) centreOf.set(row.districtId, row.centreId);

  let telegramId = FIRST_ID;
  const seekerSessions: Update[][] = [];
  for (let i = 0; i < SEEKER_SESSIONS; i++) {
    const target = positions[i * 2]!; // every other position: the staff's applicants take the rest
    const id = telegramId++;
    await addSeeker(store, pii, id, target.districtId);
    const [lat, lon] = [target.lat + 0.001, target.lon + 0.001];
    const seeker = updatesFrom(id, "ru");
    seekerSessions.push([
      seeker.text("/start"),
      seeker.text(jobsLabel),
      seeker.location(lat, lon),
      seeker.press(projectsData.near(lat, lon, 2)),
      seeker.press(projectsData.card(target.projectId, "-")),
      seeker.press(applicationsData.start(target.projectId)),
      seeker.press(applicationsData.position(target.id)),
      seeker.press(applicationsData.confirm(target.id)),
    ]);
  }
  const staffSessions: Update[][] = [];
  for (let i = 0; i < STAFF_SESSIONS; i++) {
    const target = positions[i * 2 + 1]!;
    const applicant = await addSeeker(store, pii, telegramId++, target.districtId);
    const { application } = await submitApplication(store, applicant, target.id, new Date());
    if (!application) throw new Error("the bench's applicant could not apply");
    const staff = await db.user.create({
      data: {
        telegramId: BigInt(telegramId++),
        language: "ru",
        roles: ["staff"],
        staff: { create: { centreId: centreOf.get(target.districtId)! } },
      },
    });
    const { press } = updatesFrom(Number(staff.telegramId), "ru");
    staffSessions.push([
      press(staffData.queue(1)),
      press(staffData.card(application.id)),
      press(staffData.action("ref", application.id)),
    ]);
  }
  await db.$executeRawUnsafe("analyze"); // statistics as a bot running for a while has them
  // seekers and staff interleaved, as they would come
  const interleave = (seekers: Update[][], staff: Update[][]) =>
    seekers.flatMap((s, i) => (staff[i] ? [s, staff[i]!] : [s]));
  const measuredUntil = { seekers: WARM_UP.seekers + MEASURED.seekers, staff: WARM_UP.staff + MEASURED.staff };
  return {
    warmUp: interleave(seekerSessions.slice(0, WARM_UP.seekers), staffSessions.slice(0, WARM_UP.staff)),
    measured: interleave(
      seekerSessions.slice(WARM_UP.seekers, measuredUntil.seekers),
      staffSessions.slice(WARM_UP.staff, measuredUntil.staff),
    ),
    costed: { seekers: seekerSessions.slice(measuredUntil.seekers), staff: staffSessions.slice(measuredUntil.staff) },
  };
}

export interface Throughput extends Latency {
  updates: number;
  perSecond: number;
  apiCallsPerUpdate: number;
  /** The median by kind of update, to see where the time goes. */
  medianByKind: Record<string, number>;
  /** CPU of Node and PostgreSQL over the run, as a share of all the machine's cores: near 1, the run was bound by CPU; lower, by waits. */
  coresBusy: number | null;
  /** Node's main thread per update, ms: on a core, and waiting for one (the JavaScript of every update runs there, one at a time). */
  mainThread: { onCore: number; waiting: number } | null;
}

/** "text", "location", or a button's section and action ("prj:near", "stf:ref"). */
function kindOf(update: Update): string {
  if (update.callback_query) return update.callback_query.data!.split(":").slice(0, 2).join(":");
  return update.message?.location ? "location" : update.message?.text?.startsWith("/") ? update.message.text : "text";
}

/** `concurrency` chats at a time, each sending its updates one after the other, as Telegram delivers them. */
async function drive(
  bot: { handleUpdate(update: Update): Promise<void> },
  sessions: Update[][],
  concurrency: number,
  counter: { calls: number },
  postgresMs: () => number | null,
): Promise<Throughput> {
  const durations: number[] = [];
  const byKind = new Map<string, number[]>();
  const callsBefore = counter.calls;
  let next = 0;
  const [node0, postgres0, thread0] = [nodeCpuMs(), postgresMs(), mainThreadMs()];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sessions.length) {
        for (const update of sessions[next++]!) {
          const t0 = performance.now();
          await bot.handleUpdate(update);
          const duration = performance.now() - t0;
          durations.push(duration);
          byKind.set(kindOf(update), [...(byKind.get(kindOf(update)) ?? []), duration]);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [postgres1, thread1] = [postgresMs(), mainThreadMs()];
  const perUpdate = (ms: number) => Math.round((ms / durations.length) * 1000) / 1000;
  const cpuMs = postgres0 === null || postgres1 === null ? null : nodeCpuMs() - node0 + postgres1 - postgres0;
  return {
    updates: durations.length,
    perSecond: Math.round(durations.length / seconds),
    apiCallsPerUpdate: Math.round(((counter.calls - callsBefore) / durations.length) * 100) / 100,
    ...latency(durations),
    medianByKind: Object.fromEntries([...byKind].map(([kind, times]) => [kind, latency(times).p50])),
    coresBusy: cpuMs === null ? null : Math.round((cpuMs / (seconds * 1000 * os.cpus().length)) * 100) / 100,
    mainThread:
      thread0 && thread1
        ? { onCore: perUpdate(thread1.onCore - thread0.onCore), waiting: perUpdate(thread1.waiting - thread0.waiting) }
        : null,
  };
}

/** CPU per update of one kind: Node's (this process) and PostgreSQL's (the server's processes), in ms. */
export type CostByKind = Record<string, { node: number; postgres: number | null }>;

/**
 * Each kind of update on its own (everyone's first update, then everyone's second, …), at the same
 * concurrency: the CPU it costs in Node and in PostgreSQL. Both share the machine's cores, so
 * their sum per update bounds the throughput.
 */
async function costByKind(
  bot: { handleUpdate(update: Update): Promise<void> },
  people: Update[][][],
  postgresMs: () => number | null,
): Promise<CostByKind> {
  const costs: CostByKind = {};
  const round = (ms: number) => Math.round(ms * 100) / 100;
  for (const sessions of people) {
    for (let step = 0; step < sessions[0]!.length; step++) {
      const updates = sessions.map((session) => session[step]!);
      const [node0, postgres0] = [nodeCpuMs(), postgresMs()];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < updates.length) await bot.handleUpdate(updates[next++]!);
        }),
      );
      const postgres1 = postgresMs();
      costs[kindOf(updates[0]!)] = {
        node: round((nodeCpuMs() - node0) / updates.length),
        postgres: postgres0 === null || postgres1 === null ? null : round((postgres1 - postgres0) / updates.length),
      };
    }
  }
  return costs;
}

type EchoContext = Context & SessionFlavor<{ updates: number }>;

/** The floor: sequentialize, a session in the same Prisma storage read and written, an echo. */
function echoBot(db: Db, fetch: typeof globalThis.fetch): Bot<EchoContext> {
  const bot = new Bot<EchoContext>(TOKEN, { botInfo: BOT_INFO, client: { fetch } });
  bot.use(sequentialize(sessionKey));
  bot.use(
    session({
      initial: () => ({ updates: 0 }),
      getSessionKey: sessionKey,
      storage: createPrismaStorage<{ updates: number }>(db, "echo"),
    }),
  );
  bot.on("message", (ctx) => {
    ctx.session.updates++;
    return ctx.reply(ctx.message.text ?? "echo");
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return bot;
}

/** A figure over the rounds: its median and its range. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The bot and the bare bot take turns this many times each, after the warm-up: one run of each says little. */
export const ROUNDS = 3;

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
};

export interface ThroughputResult {
  concurrency: number;
  /** The round whose ratio is the median one. */
  bot: Throughput;
  bareEcho: Throughput;
  ratio: number;
  /** Each round's ratio, and each side's p99, over the ROUNDS rounds. */
  rounds: { ratio: Spread; p99: { bot: Spread; bareEcho: Spread }; perSecond: { bot: Spread; bareEcho: Spread } };
  /** What the measured updates did, so that the figures are of the real work. */
  outcome: { applications: number; referrals: number };
  /** What each kind of update costs on its own (see costByKind). */
  costByKind: CostByKind;
}

export async function updateThroughput(store: Store, url: string, dataDir: string): Promise<ThroughputResult> {
  const { db } = store;
  const i18n = await createI18n();
  const log = createLogger("silent");
  const pii = createPii(Buffer.alloc(32, 11));
  const sessions = await prepare(store, pii, i18n.getFixedT("ru")("menu.jobs"));
  const jobs = lazyBoss(url, log);
  await jobs.get();
  const telegram = instantTelegram();
  // The bot as it runs: with its metrics (each update timed and counted, each call counted).
  const metrics = createMetrics();
  const bot = createBot(
    {
      services: createServices({ store, pii, outbox: createOutbox(jobs.get) }),
      i18n,
      log,
      adminIds: [],
      now: () => new Date(),
      reminders: createReminderScheduler(jobs.get),
      download: async () => Buffer.alloc(0),
      metrics,
    },
    {
      token: TOKEN,
      botInfo: BOT_INFO,
      client: { fetch: countingFetch(metrics, telegram.fetch as never) },
    },
  );
  try {
    const postgresMs = () => postgresCpuMs(dataDir);
    const started = new Date();
    await drive(bot, sessions.warmUp, CONCURRENCY, telegram.counter, postgresMs);
    const echo = echoBot(store.db, telegram.fetch);
    await drive(echo, sessions.warmUp, CONCURRENCY, telegram.counter, postgresMs);
    // The bot and the bare bot take turns on the same updates, a part of the measured ones each round,
    // so that what else the machine does at one moment falls on both alike.
    const parts = Array.from({ length: ROUNDS }, (_, i) => sessions.measured.filter((_, j) => j % ROUNDS === i));
    const rounds: Array<{ bot: Throughput; bareEcho: Throughput; ratio: number }> = [];
    await profiled(process.env.BENCH_CPU_PROFILE, async () => {
      for (const part of parts) {
        const measured = await drive(bot, part, CONCURRENCY, telegram.counter, postgresMs);
        const bareEcho = await drive(echo, part, CONCURRENCY, telegram.counter, postgresMs);
        rounds.push({
          bot: measured,
          bareEcho,
          ratio: Math.round((measured.perSecond / bareEcho.perSecond) * 100) / 100,
        });
      }
    });
    const outcome = {
      // of the warm-up and the measured rounds
      applications: await db.application.count({ where: { submittedAt: { gte: started } } }),
      referrals: await db.application.count({ where: { referredAt: { gte: started } } }),
    };
    const costs = await costByKind(bot, [sessions.costed.seekers, sessions.costed.staff], postgresMs);
    const middle = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
    return {
      concurrency: CONCURRENCY,
      bot: middle.bot,
      bareEcho: middle.bareEcho,
      ratio: middle.ratio,
      outcome,
      costByKind: costs,
      rounds: {
        ratio: spread(rounds.map((r) => r.ratio)),
        p99: { bot: spread(rounds.map((r) => r.bot.p99)), bareEcho: spread(rounds.map((r) => r.bareEcho.p99)) },
        perSecond: {
          bot: spread(rounds.map((r) => r.bot.perSecond)),
          bareEcho: spread(rounds.map((r) => r.bareEcho.perSecond)),
        },
      },
    };
  } finally {
    await jobs.stop();
  }
}
