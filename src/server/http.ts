// The webhook endpoint and GET /healthz (200 only while the database answers).
import { createServer, type Server } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { BotContext } from "../bot/context.js";
import type { Db } from "../db/client.js";

export function createHttpServer(options: { db: Db; bot?: Bot<BotContext>; webhookPath?: string; secret?: string }): Server {
  const handleUpdate = options.bot
    ? webhookCallback(options.bot, "http", { secretToken: options.secret, timeoutMilliseconds: 55_000 })
    : undefined;
  return createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method === "GET" && path === "/healthz") {
      const healthy = await options.db.$queryRaw`select 1`.then(() => true, () => false);
      response.writeHead(healthy ? 200 : 503, { "content-type": "text/plain" }).end(healthy ? "ok" : "database unavailable");
      return;
    }
    if (handleUpdate && request.method === "POST" && path === options.webhookPath) {
      await handleUpdate(request, response);
      return;
    }
    response.writeHead(404).end();
  });
}
