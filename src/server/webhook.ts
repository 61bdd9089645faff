// Telegram's webhook: the secret token checked, the body read (at most 1 MB) and validated, the
// update handled once across instances (an advisory lock while it is handled, a ProcessedUpdate
// row once it was). Telegram waits about a minute for the answer: past `replyWithinMs` the answer
// is 200 and the update goes on in the background, so its reply still reaches the person.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Bot, Context } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { UpdateLocks } from "../db/update-locks.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";

export interface WebhookDeps {
  /** Any bot: the server only hands it updates. */
  bot: Pick<Bot<Context>, "handleUpdate">;
  services: Pick<Services, "upkeep">;
  locks: UpdateLocks;
  log: Logger;
  secret: string;
  /** Telegram's time limit is about 60 s: answer before it. */
  replyWithinMs: number;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** Every this many updates, an instance deletes the ids past keeping. */
const CLEAN_EVERY = 1_000;
const update = z.looseObject({ update_id: z.number().int().nonnegative() });

class BodyTooLarge extends Error {}

/** The secret token compared in constant time: how long a refusal takes tells nothing of the secret. */
function sameSecret(sent: string | string[] | undefined, secret: string): boolean {
  if (typeof sent !== "string") return false;
  const [a, b] = [createHash("sha256").update(sent).digest(), createHash("sha256").update(secret).digest()];
  return timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseUpdate(body: Buffer): Update | null {
  try {
    const parsed = update.safeParse(JSON.parse(body.toString("utf8")));
    return parsed.success ? (parsed.data as unknown as Update) : null;
  } catch {
    return null;
  }
}

export function createWebhookHandler(deps: WebhookDeps) {
  const inFlight = new Set<Promise<unknown>>();
  let handled = 0;

  async function handleOnce(update: Update): Promise<"handled" | "repeated"> {
    const release = await deps.locks.acquire(update.update_id);
    try {
      if (await deps.services.upkeep.wasHandled(update.update_id)) return "repeated";
      await deps.bot.handleUpdate(update);
      await deps.services.upkeep.markHandled(update.update_id);
      if (++handled % CLEAN_EVERY === 0) await deps.services.upkeep.forgetOldUpdates();
      return "handled";
    } finally {
      await release();
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!sameSecret(request.headers["x-telegram-bot-api-secret-token"], deps.secret))
      return void response.writeHead(401).end();
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      return void response.writeHead(error instanceof BodyTooLarge ? 413 : 400).end();
    }
    const parsed = parseUpdate(body);
    if (!parsed) {
      deps.log.warn({ bytes: body.length }, "webhook: a body that is no update");
      return void response.writeHead(400).end();
    }
    const work = handleOnce(parsed);
    inFlight.add(work);
    work
      .then(
        (outcome) => deps.log.debug({ update_id: parsed.update_id, outcome }, "webhook update"),
        (error) =>
          deps.log.error(
            { err: error, update_id: parsed.update_id },
            "webhook update failed: left for Telegram to send again",
          ),
      )
      .finally(() => inFlight.delete(work));
    const answer = await Promise.race([
      work.then(
        () => 200,
        () => 500,
      ),
      sleep(deps.replyWithinMs, "late" as const),
    ]);
    if (answer === "late")
      deps.log.warn({ update_id: parsed.update_id }, "webhook update still being handled: answered, it goes on");
    response.writeHead(answer === "late" ? 200 : answer).end();
  }

  return {
    handle,
    /** Waits for the updates still being handled (at shutdown). */
    drain: () => Promise.allSettled([...inFlight]),
  };
}
