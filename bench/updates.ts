// Updates as Telegram sends them, from one person in a private chat.
import type { Update } from "grammy/types";

let nextUpdateId = 1;

export function updatesFrom(id: number, languageCode: "kk" | "ru") {
  const chat = { id, type: "private" as const, first_name: "Бенч" };
  const from = { id, is_bot: false as const, first_name: "Бенч", language_code: languageCode };
  const update = (body: Record<string, unknown>) => ({ update_id: nextUpdateId++, ...body }) as unknown as Update;
  return {
    text: (text: string) =>
      update({
        message: {
          message_id: 1,
          date: 0,
          chat,
          from,
          text,
          ...(text.startsWith("/")
            ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] }
            : {}),
        },
      }),
    location: (latitude: number, longitude: number) =>
      update({ message: { message_id: 1, date: 0, chat, from, location: { latitude, longitude } } }),
    press: (data: string) =>
      update({
        callback_query: {
          id: String(nextUpdateId),
          from,
          chat_instance: "bench",
          data,
          message: { message_id: 1, date: 0, chat, text: "" },
        },
      }),
  };
}
