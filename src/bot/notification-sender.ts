// How the outbox talks to Telegram: a notification rendered as the chat shows it (text, buttons,
// files), and what Telegram's errors mean for retrying. Given to the outbox worker by main.ts.
import { GrammyError, type Api } from "grammy";
import type { i18n } from "i18next";
import type { Sender } from "../services/delivery.js";
import { renderNotification } from "./notification-messages.js";
import { sendFile } from "./send-files.js";

/** `api` without auto-retry: the outbox does its own retrying. */
export function telegramSender(api: Api, i18n: i18n, botUsername: string): Sender {
  return {
    async parts(notification, subject) {
      const chatId = Number(notification.user.telegramId);
      const message = await renderNotification(i18n, notification.user.language, subject, botUsername);
      return [
        () => api.sendMessage(chatId, message.text, { reply_markup: message.keyboard }),
        ...(message.files ?? []).map((file) => () => sendFile(api, chatId, file)),
      ];
    },
    classify(error) {
      if (!(error instanceof GrammyError)) return { kind: "transient" };
      if (error.error_code === 429)
        return { kind: "rate_limited", retryAfterSeconds: error.parameters.retry_after ?? 1 };
      if (error.error_code === 403) return { kind: "blocked" };
      return error.error_code >= 400 && error.error_code < 500 ? { kind: "hopeless" } : { kind: "transient" };
    },
  };
}
