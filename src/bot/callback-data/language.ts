// lang:<kk|ru>[:<start payload>] — the payload of a deep link waits for the language choice (callback.ts).
import { z } from "zod";
import { LANGUAGES, type Lang } from "../../domain/language.js";
import { callback, oneOf, optional, type Field } from "./callback.js";

const PAYLOAD = /^[A-Za-z0-9_-]{1,40}$/;
const payload: Field<string> = { read: z.string().regex(PAYLOAD), largest: "x".repeat(40) };

export const languageChoice = callback("lang", {
  lang: oneOf(LANGUAGES as unknown as readonly [Lang, ...Lang[]]),
  payload: optional(payload),
});

export function encodeLanguageChoice(lang: Lang, startPayload?: string): string {
  return languageChoice.pack({ lang, payload: startPayload && PAYLOAD.test(startPayload) ? startPayload : undefined });
}
