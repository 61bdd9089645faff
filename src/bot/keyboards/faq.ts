// The questions' keyboards: entries to open, one per row, in the language asked in.
import { InlineKeyboard } from "grammy";
import type { FaqEntry } from "../../../prisma/data/faq.js";
import { faqData } from "../callback-data/faq.js";
import type { Lang, Translate } from "../../presentation/i18n.js";

export function faqEntriesKeyboard(entries: FaqEntry[], lang: Lang) {
  const keyboard = new InlineKeyboard();
  for (const entry of entries) keyboard.text(entry[lang].q, faqData.entry(entry.id)).row();
  return keyboard;
}

/** Under an answer: the related entries, then "this did not help" for the question asked. */
export const answerKeyboard = (t: Translate, related: FaqEntry[], lang: Lang, questionId: number) =>
  faqEntriesKeyboard(related, lang).text(t("faq:not_helpful"), faqData.notHelpful(questionId));
