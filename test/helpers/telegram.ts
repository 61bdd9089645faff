// The only stand-in of the suite: Telegram's Bot API, answered in-process through the
// client's `fetch` option (so calls made inside conversations are recorded too).
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** When Telegram received it (ms since the epoch). */
  at?: number;
}

export interface FakeTelegram {
  calls: ApiCall[];
  fetch: typeof fetch;
  /** A file the bot can fetch with getFile and download; returns its file_id. */
  addFile(bytes: Buffer): string;
  /** Makes the next call of a method fail with this error description (400 unless told). */
  failNext(method: string, description: string, code?: number, parameters?: { retry_after?: number }): void;
  /** Makes the next call of a method take this long before Telegram answers it. */
  delayNext(method: string, ms: number): void;
}

/** JSON bodies, and multipart ones (files): a file field becomes its name and bytes. */
async function readPayload(init?: RequestInit): Promise<Record<string, unknown>> {
  if (typeof init?.body === "string") return JSON.parse(init.body) as Record<string, unknown>;
  if (!init?.body) return {};
  // grammY streams multipart bodies as a Node Readable, in a terse form undici's parser refuses.
  const chunks: Buffer[] = [];
  for await (const chunk of init.body as unknown as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  const body = Buffer.concat(chunks);
  const contentType = String((init.headers as Record<string, string>)["content-type"]);
  const delimiter = Buffer.from(`--${contentType.split("boundary=")[1]}`);
  const payload: Record<string, unknown> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after and before
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const name = /name="?([^";\r\n]+)"?/.exec(headers)![1]!;
    const filename = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
    if (filename) payload[`${name}_file`] = { name: filename, bytes: content };
    else payload[name] = /^[[{]/.test(content.toString()) ? JSON.parse(content.toString()) : content.toString();
    start = next;
  }
  return payload;
}

type Keyboard = { inline_keyboard?: Array<Array<{ callback_data?: string }>>; keyboard?: unknown[][] };

/** What real Telegram refuses and a lenient emulator would let through: the error it answers, or null. */
export function telegramRefusal(method: string, payload: Record<string, unknown>): string | null {
  const text = typeof payload.text === "string" ? payload.text : undefined;
  if (method === "answerInlineQuery") {
    const results = (typeof payload.results === "string" ? JSON.parse(payload.results) : payload.results) as Array<{
      id: string;
      reply_markup?: unknown;
      input_message_content?: { message_text?: string };
    }>;
    if (results.length > 50) return "Bad Request: RESULTS_TOO_MUCH";
    if (results.some((r) => Buffer.byteLength(r.id) > 64)) return "Bad Request: RESULT_ID_INVALID";
    if (results.some((r) => [...(r.input_message_content?.message_text ?? "")].length > 4096))
      return "Bad Request: MESSAGE_TOO_LONG";
    if (new Set(results.map((r) => r.id)).size !== results.length) return "Bad Request: RESULT_ID_DUPLICATE";
  }
  if (method === "answerCallbackQuery")
    return text !== undefined && [...text].length > 200 ? "Bad Request: text is too long" : null;
  if (text !== undefined && (text.length === 0 || [...text].length > 4096))
    return text.length ? "Bad Request: message is too long" : "Bad Request: message text is empty";
  const caption = typeof payload.caption === "string" ? payload.caption : undefined;
  if (caption !== undefined && [...caption].length > 1024) return "Bad Request: message caption is too long";
  const markup = payload.reply_markup as Keyboard | undefined;
  const buttons = markup?.inline_keyboard?.flat() ?? [];
  if (buttons.length > 100) return "Bad Request: too many buttons";
  if (
    buttons.some(
      (b) => b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) > 64 || b.callback_data.length === 0),
    )
  )
    return "Bad Request: BUTTON_DATA_INVALID";
  return null;
}

/** The file a call uploaded (sendDocument, sendPhoto): its name and bytes. */
export const fileOf = (call: ApiCall) =>
  Object.entries(call.payload).find(([key]) => key.endsWith("_file"))![1] as { name: string; bytes: Buffer };

export function createFakeTelegram(): FakeTelegram {
  const calls: ApiCall[] = [];
  const failures = new Map<string, { description: string; code: number; parameters?: { retry_after?: number } }>();
  const delays = new Map<string, number>();
  let messageId = 1000;
  const files = new Map<string, Buffer>();

  const resultFor = (method: string, payload: Record<string, unknown>): unknown => {
    const chat = { id: Number(payload.chat_id), type: "private" };
    const date = Math.floor(Date.now() / 1000);
    if (method === "getFile") {
      const id = String(payload.file_id);
      return { file_id: id, file_unique_id: id, file_size: files.get(id)?.length, file_path: `documents/${id}` };
    }
    if (method.startsWith("send")) return { message_id: ++messageId, date, chat, text: payload.text };
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      return { message_id: Number(payload.message_id), date, chat, text: payload.text };
    }
    return true;
  };

  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.split("/").at(-1)!;
    if (url.includes("/file/bot")) {
      const bytes = files.get(method);
      return bytes ? new Response(new Uint8Array(bytes)) : new Response("not found", { status: 404 });
    }
    const payload = await readPayload(init);
    const delay = delays.get(method);
    if (delay !== undefined) {
      delays.delete(method);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    calls.push({ method, payload, at: Date.now() });
    const refusal = telegramRefusal(method, payload);
    if (refusal)
      return new Response(JSON.stringify({ ok: false, error_code: 400, description: refusal }), { status: 400 });
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      const { description, code, parameters } = failure;
      return new Response(JSON.stringify({ ok: false, error_code: code, description, parameters }), { status: code });
    }
    return new Response(JSON.stringify({ ok: true, result: resultFor(method, payload) }), {
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;

  let nextFile = 1;
  const addFile = (bytes: Buffer) => {
    const id = `file-${nextFile++}`;
    files.set(id, bytes);
    return id;
  };
  return {
    calls,
    fetch: fakeFetch,
    addFile,
    failNext: (method, description, code = 400, parameters) => failures.set(method, { description, code, parameters }),
    delayNext: (method, ms) => delays.set(method, ms),
  };
}
