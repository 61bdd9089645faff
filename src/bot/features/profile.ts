// "My profile": view it, register, or erase it after a confirmation.
import { Composer, InlineKeyboard } from "grammy";
import { ageOn } from "../../domain/iin.js";
import { isNeet, isStudent } from "../../domain/person.js";
import { eraseProfile, readProfile, type ProfileView } from "../../services/seekers.js";
import type { BotContext, ConvContext } from "../context.js";
import { REGISTRATION_CONVERSATION } from "../conversations/registration.js";
import { isSubscribed, setSubscription } from "../../services/subscriptions.js";
import { EDIT_FIELDS, parseEditField } from "../callback-data/profile.js";
import { formatDate, localName } from "../format.js";

const maskIin = (iin: string) => `••••••••${iin.slice(-4)}`;

export function profileText(ctx: ConvContext, profile: ProfileView): string {
  const { t, lang } = ctx;
  const name = (o: { nameKk: string; nameRu: string }) => localName(lang, o);
  const age = ageOn(profile.birthDate, ctx.deps.now());
  const facts = { age, status: profile.status, studying: profile.studying, working: profile.working };
  const flags = [isNeet(facts) && t("seeker:profile.neet"), isStudent(facts) && t("seeker:profile.student")].filter(Boolean).join(", ");
  const professions = profile.anyWork ? t("seeker:profile.any_work") : profile.professions.map((p) => name(p.profession)).join(", ");
  return t("seeker:profile.card", {
    name: profile.fullName, iin: maskIin(profile.iin), birth: formatDate(profile.birthDate), age, phone: profile.phone,
    status: t(`seeker:status.${profile.status}`), flags: flags || "—", district: `${name(profile.district)}, ${name(profile.district.region)}`,
    professions, relocate: t(profile.willingToRelocate ? "answer.yes" : "answer.no"),
  });
}

export async function showProfile(ctx: ConvContext) {
  const profile = ctx.account ? await readProfile(ctx.deps.db, ctx.deps.pii, ctx.account.userId) : null;
  if (!profile) {
    return ctx.reply(ctx.t("seeker:profile.none"), { reply_markup: new InlineKeyboard().text(ctx.t("seeker:profile.register"), "seek:register") });
  }
  const subscribed = await isSubscribed(ctx.deps.db, ctx.account!.userId);
  const keyboard = new InlineKeyboard();
  EDIT_FIELDS.forEach((field, i) => {
    keyboard.text(ctx.t(`seeker:edit.field.${field}`), `seek:edit:${field}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row()
    .text(ctx.t(subscribed ? "seeker:subscription.turn_off" : "seeker:subscription.turn_on"), subscribed ? "seek:sub:off" : "seek:sub:on").row()
    .text(ctx.t("seeker:profile.delete"), "seek:delete");
  return ctx.reply(profileText(ctx, profile), { reply_markup: keyboard });
}

export function profileFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery("seek:profile", async (ctx) => {
    await ctx.answerCallbackQuery();
    return showProfile(ctx);
  });
  feature.callbackQuery("seek:register", async (ctx) => {
    await ctx.answerCallbackQuery();
    return ctx.conversation.enter(REGISTRATION_CONVERSATION);
  });
  feature.callbackQuery(/^seek:edit:/, async (ctx) => {
    const field = parseEditField(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (!field) return ctx.reply(ctx.t("fallback.stale_button"));
    return ctx.conversation.enter(REGISTRATION_CONVERSATION, field);
  });
  feature.callbackQuery(/^seek:sub:(on|off)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const on = ctx.callbackQuery.data === "seek:sub:on";
    const done = await setSubscription(ctx.deps.db, ctx.account!.userId, on);
    await ctx.reply(ctx.t(!done ? "seeker:profile.none" : on ? "seeker:subscription.on" : "seeker:subscription.off"));
    return showProfile(ctx);
  });
  feature.callbackQuery("seek:delete", async (ctx) => {
    await ctx.answerCallbackQuery();
    return ctx.reply(ctx.t("seeker:profile.delete_confirm"), {
      reply_markup: new InlineKeyboard().text(ctx.t("seeker:profile.delete_yes"), "seek:delete:yes").row().text(ctx.t("seeker:profile.delete_no"), "seek:profile"),
    });
  });
  feature.callbackQuery("seek:delete:yes", async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.account) await eraseProfile(ctx.deps.db, ctx.account.userId);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t("seeker:profile.deleted"));
  });
  return feature;
}
