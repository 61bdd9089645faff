// A small Bot API emulator on 127.0.0.1 for end-to-end tests of the real process: it
// accepts every method, records it, and serves queued updates through getUpdates.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { BOT_INFO } from "./harness.js";
import type { ApiCall } from "./telegram.js";

export interface BotApiEmulator {
  apiRoot: string;
  calls: ApiCall[];
  push(update: Omit<Update, "update_id">): void;
  /** Every update pushed so far, in order. */
  pushed: ReadonlyArray<Omit<Update, "update_id">>;
  waitFor(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /**
   * The next call `predicate` accepts is neither recorded nor answered: a request still on its way
   * to Telegram. Resolves when it has arrived (the caller then, say, kills the bot).
   */
  holdNext(predicate: (call: ApiCall) => boolean): Promise<ApiCall>;
  close(): Promise<void>;
}

/** An uploaded file of a multipart call, as `files` of its payload. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** JSON bodies; of multipart ones (files), the plain fields such as chat_id, and the files under `files`. */
function readPayload(body: Buffer, contentType: string): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType.includes("json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  // latin1 keeps every byte (files are binary); the plain fields are then read back as UTF-8
  const text = body.toString("latin1");
  for (const match of text.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) {
    fields[match[1]!] = Buffer.from(match[2]!, "latin1").toString("utf8");
  }
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  const files: UploadedFile[] = [];
  for (const part of boundary ? text.split(`--${boundary}`) : []) {
    const name = /filename="?([^"\r\n]*)"?/.exec(part.slice(0, part.indexOf("\r\n\r\n")))?.[1]; // grammY writes it unquoted
    if (name === undefined) continue;
    const content = part.slice(part.indexOf("\r\n\r\n") + 4).replace(/\r\n$/, "");
    files.push({ name, bytes: Buffer.from(content, "latin1") });
  }
  if (files.length) fields.files = files;
  return fields;
}

export async function startBotApiEmulator(): Promise<BotApiEmulator> {
  const calls: ApiCall[] = [];
  const queue: Update[] = [];
  const pushed: Array<Omit<Update, "update_id">> = [];
  let nextUpdateId = 1;
  let messageId = 1;
  let hold: { predicate: (call: ApiCall) => boolean; arrived: (call: ApiCall) => void } | undefined;

  const answer = (method: string, payload: Record<string, unknown>): unknown => {
    if (method === "getMe") return BOT_INFO;
    if (method === "getUpdates") {
      // as Telegram does, an offset confirms (forgets) every update before it
      const offset = Number(payload.offset ?? 0);
      while (queue.length && queue[0]!.update_id < offset) queue.shift();
      return queue.slice(0, Number(payload.limit ?? 100)); // at most 100 a call, as Telegram
    }
    const chat = { id: Number(payload.chat_id), type: "private" };
    if (method.startsWith("send") || method.startsWith("edit")) {
      return {
        message_id: Number(payload.message_id ?? ++messageId),
        date: Math.floor(Date.now() / 1000),
        chat,
        text: payload.text,
      };
    }
    return true;
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const method = (request.url ?? "").split("/").at(-1)!.split("?")[0]!;
      const payload = readPayload(Buffer.concat(chunks), request.headers["content-type"] ?? "");
      if (hold?.predicate({ method, payload })) {
        hold.arrived({ method, payload });
        hold = undefined;
        return; // never answered
      }
      if (method !== "getUpdates") calls.push({ method, payload });
      let result = answer(method, payload);
      if (method === "getUpdates" && (result as Update[]).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 200)); // a short long-poll
        result = answer(method, payload);
      }
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    push: (update) => {
      queue.push({ update_id: nextUpdateId++, ...update } as Update);
      pushed.push(update);
    },
    pushed,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no such call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    holdNext: (predicate) => new Promise((arrived) => (hold = { predicate, arrived })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
