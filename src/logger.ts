// The log never holds personal data: no IIN, phone, name or message text (people type their IIN
// and questions in free text). Updates are logged as their kind and ids only, errors without the
// data they were called with, and the usual field names are censored wherever they appear.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import type { Update } from "grammy/types";
import { redactPersonalNumbers } from "./domain/personal-numbers.js";

export type { Logger };

const CENSORED = [
  "iin",
  "phone",
  "fullName",
  "text",
  "caption",
  "phone_number",
  "first_name",
  "last_name",
  "username",
  "contact",
];
export const REDACTED_PATHS = CENSORED.flatMap((key) => [key, `*.${key}`]);

/** What an update is and whose, never what it says. */
export function updateSummary(update: Update) {
  const kind = Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
  const body = (
    update as unknown as Record<
      string,
      { from?: { id: number }; chat?: { id: number }; message?: { chat?: { id: number } } } | undefined
    >
  )[kind];
  return {
    update_id: update.update_id,
    kind,
    user: body?.from?.id,
    chat: body?.chat?.id ?? body?.message?.chat?.id,
    // callback data carries ids and actions only (src/bot/callback-data)
    data: update.callback_query?.data,
  };
}

/**
 * pino's error serializer, less what may carry personal data: grammY's GrammyError keeps the
 * request's payload (a message text), and Prisma's errors print the arguments of the failed call
 * (a name, an encrypted IIN) before the reason, which is their last line.
 */
export function errorSummary(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== "object") return serialized;
  delete serialized.payload;
  for (const field of ["message", "stack"] as const) {
    if (typeof serialized[field] === "string") serialized[field] = redactPersonalNumbers(serialized[field] as string);
  }
  if (typeof serialized.type === "string" && serialized.type.startsWith("PrismaClient")) {
    const lines = String(serialized.message ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    serialized.message = lines.at(-1) ?? "";
    serialized.stack = String(serialized.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .join("\n");
  }
  return serialized;
}

/**
 * JSON lines for log collectors; on a terminal (stdout is a TTY: someone ran `npm start`), lines
 * a person reads, through pino-pretty in the same process (the redaction happens before it).
 */
export function createLogger(
  level: string,
  destination: DestinationStream | undefined = process.stdout.isTTY
    ? pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", singleLine: true })
    : undefined,
): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: errorSummary, update: updateSummary },
    },
    destination,
  );
}
