// The only stand-in of the suite: Telegram's Bot API, answered in-process through the
// client's `fetch` option (so calls made inside conversations are recorded too).
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeTelegram {
  calls: ApiCall[];
  fetch: typeof fetch;
  /** Makes the next call of a method fail with this error description. */
  failNext(method: string, description: string): void;
}

export function createFakeTelegram(): FakeTelegram {
  const calls: ApiCall[] = [];
  const failures = new Map<string, string>();
  let messageId = 1000;

  const resultFor = (method: string, payload: Record<string, unknown>): unknown => {
    const chat = { id: Number(payload.chat_id), type: "private" };
    const date = Math.floor(Date.now() / 1000);
    if (method.startsWith("send")) return { message_id: ++messageId, date, chat, text: payload.text };
    if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      return { message_id: Number(payload.message_id), date, chat, text: payload.text };
    }
    return true;
  };

  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = url.split("/").at(-1)!;
    const body = typeof init?.body === "string" ? init.body : "{}";
    const payload = JSON.parse(body) as Record<string, unknown>;
    calls.push({ method, payload });
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      return new Response(JSON.stringify({ ok: false, error_code: 400, description: failure }), { status: 400 });
    }
    return new Response(JSON.stringify({ ok: true, result: resultFor(method, payload) }), {
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;

  return { calls, fetch: fakeFetch, failNext: (method, description) => failures.set(method, description) };
}
