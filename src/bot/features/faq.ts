// Questions in people's own words: any text that no conversation or menu took is looked up in the
// knowledge base (prisma/data/faq.ts). The answer comes in the question's language with its source,
// up to three related questions and "this did not help"; under the confidence threshold there is
// no guess — the menu and the employment centre's contact instead.
import { Composer } from "grammy";
import { answerKeyboard, faqEntriesKeyboard } from "../keyboards/faq.js";
import type { FaqEntry } from "../../../prisma/data/faq.js";
import { detectLanguage } from "../../services/faq/text.js";
import { faqIndex } from "../../services/faq/questions.js";
import { faqCallbacks } from "../callback-data/faq.js";
import { onPress } from "../callback-route.js";
import type { BotContext, ConvContext } from "../context.js";
import { localName } from "../../presentation/format.js";
import { withLabels } from "../faq-labels.js";
import type { Lang } from "../../presentation/i18n.js";
import { mainMenuKeyboard, menuItemOf } from "../keyboards/main-menu.js";

/** Popular questions offered when the FAQ section is opened. */
const STARTERS = ["who_referred", "wage", "relocation_allowance", "loan_who"];

function entryText(ctx: ConvContext, entry: FaqEntry, lang: Lang): string {
  const t = ctx.deps.i18n.getFixedT(lang);
  const text = entry[lang];
  return t("faq:answer", { question: text.q, answer: withLabels(t, text.a), source: text.source });
}

/** The employment centre of the person's district, when they have a profile; else the general advice. */
async function centreContact(ctx: ConvContext, lang: Lang): Promise<string> {
  const t = ctx.deps.i18n.getFixedT(lang);
  const centre = ctx.account ? await ctx.services.staff.centreOfPerson(ctx.account.userId) : null;
  if (!centre) return t("faq:contact_any");
  return t("faq:contact_centre", {
    centre: localName(lang, centre),
    address: lang === "kk" ? centre.addressKk : centre.addressRu,
    phone: centre.phone,
  });
}

async function answerQuestion(ctx: ConvContext, question: string) {
  const lang = detectLanguage(question) ?? ctx.lang;
  const t = ctx.deps.i18n.getFixedT(lang);
  const match = faqIndex().search(question);
  const questionId = await ctx.services.seekers.recordQuestion({
    userId: ctx.account!.userId,
    text: question,
    language: lang,
    entryId: match?.entry.id ?? null,
  });
  if (!match) {
    return ctx.reply(t("faq:no_answer", { contact: await centreContact(ctx, lang) }), {
      reply_markup: mainMenuKeyboard(ctx.t, ctx.account),
    });
  }
  return ctx.reply(entryText(ctx, match.entry, lang), {
    reply_markup: answerKeyboard(t, match.related, lang, questionId),
  });
}

export function faqFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on("message:text", async (ctx, next) => {
    const text = ctx.message.text;
    if (!ctx.account || text.startsWith("/")) return next();
    if (menuItemOf(text, ctx.deps.i18n) === "faq") {
      const starters = STARTERS.map((id) => faqIndex().entry(id)).filter((e): e is FaqEntry => e !== undefined);
      return ctx.reply(ctx.t("faq:intro"), { reply_markup: faqEntriesKeyboard(starters, ctx.lang) });
    }
    return answerQuestion(ctx, text);
  });

  onPress(feature, faqCallbacks.notHelpful, async (ctx, { questionId }) => {
    if (!ctx.account) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    const marked = await ctx.services.seekers.markUnhelpful(ctx.account.userId, questionId);
    await ctx.answerCallbackQuery();
    if (!marked) return ctx.reply(ctx.t("fallback.stale_button"));
    return ctx.reply(ctx.t("faq:recorded", { contact: await centreContact(ctx, ctx.lang) }));
  });
  onPress(feature, faqCallbacks.entry, async (ctx, { entryId }) => {
    const entry = faqIndex().entry(entryId);
    await ctx.answerCallbackQuery();
    if (!entry) return ctx.reply(ctx.t("fallback.stale_button"));
    return ctx.reply(entryText(ctx, entry, ctx.lang));
  });

  return feature;
}
