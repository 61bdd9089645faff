// The outbox against a Telegram that holds to its limits: N notifications to N people (10,000 by
// default, BENCH_OUTBOX_COUNT to change) through two workers, each in its own pg-boss as two
// instances would be, against a Bot API on 127.0.0.1 that accepts 30 messages a second in all and
// one a second per chat and answers anything more with 429 and retry_after.
import { createServer } from "node:http";
import { telegramSender } from "../src/bot/notification-sender.js";
import type { AddressInfo } from "node:net";
import { Api } from "grammy";
import pino from "pino";
import type { Store } from "../src/db/store.js";
import { createI18n } from "../src/presentation/i18n.js";
import { lazyBoss, NOTIFY_QUEUE } from "../src/jobs/boss.js";
import { createOutbox, startNotificationWorker } from "../src/jobs/outbox.js";
import { createServices } from "../src/services/index.js";
import { createPii } from "../src/services/pii.js";
import {
  CHAT_MESSAGE_INTERVAL_MS,
  DEFAULT_OUTBOX_RATE,
  TELEGRAM_MESSAGES_PER_SECOND,
} from "../src/domain/telegram-limits.js";

export interface OutboxFigures {
  notifications: number;
  perSecond: number;
  seconds: number;
  tooManyRequests: number;
  givenUp: number;
  duplicates: number;
}

/** A strict Telegram: a token bucket of 30 a second (one second's burst) and one message a second per chat. */
function strictTelegram() {
  let tokens = TELEGRAM_MESSAGES_PER_SECOND;
  let refilled = Date.now();
  const lastToChat = new Map<number, number>();
  const accepted = new Map<number, number>();
  const times: number[] = [];
  let tooMany = 0;
  let messageId = 1;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const now = Date.now();
      tokens = Math.min(
        TELEGRAM_MESSAGES_PER_SECOND,
        tokens + ((now - refilled) / 1000) * TELEGRAM_MESSAGES_PER_SECOND,
      );
      refilled = now;
      const payload = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { chat_id: number };
      const chat = Number(payload.chat_id);
      const chatWait = (lastToChat.get(chat) ?? 0) + CHAT_MESSAGE_INTERVAL_MS - now;
      if (tokens < 1 || chatWait > 0) {
        tooMany++;
        const retryAfter = Math.max(
          1,
          Math.ceil(Math.max(chatWait, ((1 - tokens) / TELEGRAM_MESSAGES_PER_SECOND) * 1000) / 1000),
        );
        response.writeHead(429, { "content-type": "application/json" }).end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          }),
        );
        return;
      }
      tokens -= 1;
      lastToChat.set(chat, now);
      accepted.set(chat, (accepted.get(chat) ?? 0) + 1);
      times.push(now);
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ok: true,
          result: {
            message_id: messageId++,
            date: Math.floor(now / 1000),
            chat: { id: chat, type: "private" },
            text: "",
          },
        }),
      );
    });
  });
  return { server, accepted, times, tooMany: () => tooMany };
}

export async function outboxThroughput(store: Store, url: string, log: (line: string) => void): Promise<OutboxFigures> {
  const { db } = store;
  const count = Number(process.env.BENCH_OUTBOX_COUNT ?? 10_000);
  const quiet = pino({ level: "silent" });
  await db
    .$executeRawUnsafe(`truncate "Notification", pgboss.job restart identity cascade`)
    .catch(() => db.$executeRawUnsafe(`truncate "Notification" restart identity cascade`));
  await db.$executeRaw`delete from "User" where "telegramId" >= 900000000 and "telegramId" < 910000000`;
  await db.$executeRaw`update "OutboxClock" set "nextAt" = now()`;
  const centre =
    (await db.employmentCentre.findFirst()) ??
    (await db.employmentCentre.create({
      data: { nameKk: "ХЖҚО", nameRu: "ЦЗН", addressKk: "—", addressRu: "—", phone: "—" },
    }));
  await db.$executeRaw`insert into "User" ("telegramId", language) select 900000000 + g, 'ru' from generate_series(1, ${count}::int) g`;
  const ids = await db.$queryRaw<Array<{ id: number }>>`
    insert into "Notification" ("eventKey", "userId", kind, payload)
    select 'bench:' || u.id, u.id, 'invitation_used', jsonb_build_object('centreId', ${centre.id}::int, 'person', 'Bench')
    from "User" u where u."telegramId" >= 900000000 and u."telegramId" < 910000000 returning id`;

  const telegram = strictTelegram();
  await new Promise<void>((resolve) => telegram.server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(telegram.server.address() as AddressInfo).port}`;
  const i18n = await createI18n();
  const instances = [lazyBoss(url, quiet), lazyBoss(url, quiet)];
  const first = await instances[0]!.get();
  await first.insert(ids.map(({ id }) => ({ name: NOTIFY_QUEUE, data: { notificationId: id } })));
  log(
    `outbox: ${count} notifications queued; two workers at ${DEFAULT_OUTBOX_RATE}/s against a Telegram of ${TELEGRAM_MESSAGES_PER_SECOND}/s`,
  );
  const started = Date.now();
  for (const instance of instances) {
    await startNotificationWorker(await instance.get(), {
      services: createServices({ store, pii: createPii(Buffer.alloc(32, 11)), outbox: createOutbox(instance.get) }),
      sender: telegramSender(new Api("123456:BENCH-outbox-token", { apiRoot }), i18n, "roadmap_test_bot"),
      log: quiet,
      rate: DEFAULT_OUTBOX_RATE,
    });
  }
  const deadline = started + (count / DEFAULT_OUTBOX_RATE) * 3_000 + 60_000;
  let left = count;
  while (left > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    left = await db.notification.count({ where: { eventKey: { startsWith: "bench:" }, sentAt: null, failedAt: null } });
    if ((count - left) % 1_000 < DEFAULT_OUTBOX_RATE)
      log(`outbox: ${count - left} done after ${Math.round((Date.now() - started) / 1000)} s`);
  }
  for (const instance of instances) await instance.stop();
  await new Promise((resolve) => telegram.server.close(resolve));
  const givenUp = await db.notification.count({
    where: { eventKey: { startsWith: "bench:" }, failedAt: { not: null } },
  });
  const seconds = (telegram.times.at(-1)! - telegram.times[0]!) / 1000;
  return {
    notifications: count,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(((telegram.times.length - 1) / seconds) * 10) / 10,
    tooManyRequests: telegram.tooMany(),
    givenUp,
    duplicates: [...telegram.accepted.values()].filter((n) => n > 1).length,
  };
}
