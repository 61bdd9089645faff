import { InlineKeyboard } from "grammy";
import { encodeLanguageChoice } from "../callback-data/language.js";
import type { Lang, Translate } from "../../presentation/i18n.js";

/** Қазақша / Русский, the preferred one first. */
export function languageKeyboard(t: Translate, preferred: Lang, startPayload?: string): InlineKeyboard {
  const order: Lang[] = preferred === "kk" ? ["kk", "ru"] : ["ru", "kk"];
  const keyboard = new InlineKeyboard();
  for (const lang of order) keyboard.text(t(`language.name_${lang}`), encodeLanguageChoice(lang, startPayload)).row();
  return keyboard;
}
