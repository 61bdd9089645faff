// The HTTP server: Telegram's webhook (webhook mode) read straight from Node's request, and every
// other request to the web pages (src/web/app.ts: /healthz, the staff desk).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import type { Logger } from "../logger.js";

export interface WebhookRoute {
  path: string;
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

export function createHttpServer(options: { web: Hono; log?: Logger; webhook?: WebhookRoute }): Server {
  const pages = getRequestListener(options.web.fetch);
  return createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const route = async () => {
      if (options.webhook && request.method === "POST" && path === options.webhook.path)
        return options.webhook.handle(request, response);
      return pages(request, response);
    };
    route().catch((error) => {
      options.log?.error({ err: error }, "http request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}
