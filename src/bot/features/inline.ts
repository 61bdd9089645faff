// Inline mode: "@bot <place or profession>" in any chat lists matching open projects, nearest first;
// each result is a short card with a button that opens the project in the bot (start=p<id>).
// BotFather: /setinline turns it on, /setinlinegeo lets Telegram send where the person is.
import { Composer } from "grammy";
import { applyLinkKeyboard } from "../keyboards/projects.js";
import type { InlineQueryResultArticle } from "grammy/types";
import { z } from "zod";
import type { BotContext, BotDeps } from "../context.js";
import { formatNumber, localName } from "../../presentation/format.js";
import { guessLang, type Lang } from "../../presentation/i18n.js";
import { pointOf } from "../location.js";
import type { InlineProject } from "../../services/inline-search.js";

/** What a person types after the bot's name (Telegram sends at most 256 characters). */
const query = z
  .string()
  .max(256)
  .transform((text) => text.replace(/\s+/g, " ").trim());

/** How long Telegram may reuse an answer for the same person and text. */
const CACHE_SECONDS = 30;

function result(deps: BotDeps, lang: Lang, username: string, project: InlineProject): InlineQueryResultArticle {
  const t = deps.i18n.getFixedT(lang);
  const name = (kk: string, ru: string) => localName(lang, { nameKk: kk, nameRu: ru });
  const place = {
    district: name(project.districtKk, project.districtRu),
    region: name(project.regionKk, project.regionRu),
    places: project.openPlaces,
  };
  const wage =
    project.wageMin === project.wageMax
      ? formatNumber(project.wageMin, lang)
      : `${formatNumber(project.wageMin, lang)}–${formatNumber(project.wageMax, lang)}`;
  const distance =
    project.distanceKm === null
      ? ""
      : t("projects:inline.distance", { km: formatNumber(Math.round(project.distanceKm), lang) });
  return {
    type: "article",
    id: `p${project.id}`,
    title: t("projects:inline.title", { project: name(project.nameKk, project.nameRu) }),
    description: t("projects:inline.description", place) + distance,
    input_message_content: {
      message_text: t("projects:inline.message", { project: name(project.nameKk, project.nameRu), ...place, wage }),
    },
    reply_markup: applyLinkKeyboard(t, username, project.id),
  };
}

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("inline_query", async (ctx) => {
    const text = query.safeParse(ctx.inlineQuery.query);
    const here = ctx.inlineQuery.location ? (pointOf(ctx.inlineQuery.location) ?? undefined) : undefined;
    const found = await deps.services.seekers.inlineProjects(ctx.from.id, text.success ? text.data : "", here);
    const lang = found.language ?? guessLang(ctx.from.language_code);
    await ctx.answerInlineQuery(
      found.items.map((project) => result(deps, lang, ctx.me.username, project)),
      {
        cache_time: CACHE_SECONDS,
        is_personal: true,
        button: { text: deps.i18n.getFixedT(lang)("projects:inline.open_bot"), start_parameter: "inline" },
      },
    );
  });
  return feature;
}
