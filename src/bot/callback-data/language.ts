import { z } from "zod";
import type { Lang } from "../i18n.js";

// lang:<kk|ru>[:<start payload>] — the payload of a deep link waits for the language choice.
const PAYLOAD = /^[A-Za-z0-9_-]{1,40}$/;
const schema = z
  .string()
  .max(64)
  .regex(/^lang:(kk|ru)(:[A-Za-z0-9_-]{1,40})?$/)
  .transform((data) => {
    const [, lang, payload] = data.split(":");
    return { lang: lang as Lang, payload: payload || undefined };
  });

export const LANGUAGE_CALLBACK = /^lang:/;

export function encodeLanguageChoice(lang: Lang, startPayload?: string): string {
  return startPayload && PAYLOAD.test(startPayload) ? `lang:${lang}:${startPayload}` : `lang:${lang}`;
}

export function parseLanguageChoice(data: string): { lang: Lang; payload?: string } | null {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
