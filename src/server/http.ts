// The HTTP server: the webhook endpoint (webhook mode) and GET /healthz (200 only while the database answers).
import { createServer, type Server } from "node:http";
import type { Services } from "../services/index.js";
import type { Logger } from "../logger.js";

export interface WebhookRoute {
  path: string;
  handle: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => Promise<void>;
}

export function createHttpServer(options: { services: Pick<Services, "databaseAnswers">; log?: Logger; webhook?: WebhookRoute }): Server {
  return createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const route = async () => {
      if (request.method === "GET" && path === "/healthz") {
        const healthy = await options.services.databaseAnswers();
        response.writeHead(healthy ? 200 : 503, { "content-type": "text/plain" }).end(healthy ? "ok" : "database unavailable");
        return;
      }
      if (options.webhook && request.method === "POST" && path === options.webhook.path) return options.webhook.handle(request, response);
      response.writeHead(404).end();
    };
    route().catch((error) => {
      options.log?.error({ err: error }, "http request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}
