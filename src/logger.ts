import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Personal data never reaches the log (full names, IINs, phones, message texts). */
export const REDACTED_PATHS = [
  "*.iin", "*.phone", "*.fullName", "*.text", "*.phone_number", "*.first_name", "*.last_name",
  "update.message.text", "update.message.contact", "update.message.from.first_name",
  "update.message.from.last_name", "update.message.from.username",
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, base: undefined }, destination);
}
