// "My profile": view it, register, or erase it after a confirmation.
import { Composer, InlineKeyboard } from "grammy";
import { standingFlags } from "../standing.js";
import { type ProfileView } from "../../services/seekers.js";
import { sessionRowKey } from "../../db/prisma-storage.js";
import { CONVERSATION_PREFIX } from "../conversation-prefix.js";
import type { BotContext, ConvContext } from "../context.js";
import { REGISTRATION_CONVERSATION } from "../conversations/registration.js";
import { EDIT_FIELDS, parseProfileCallback, PROFILE_CALLBACK, profileData } from "../callback-data/profile.js";
import { formatDate, localName } from "../format.js";

const maskIin = (iin: string) => `••••••••${iin.slice(-4)}`;

export function profileText(ctx: ConvContext, profile: ProfileView): string {
  const { t, lang } = ctx;
  const name = (o: { nameKk: string; nameRu: string }) => localName(lang, o);
  const { age } = profile.standing;
  const flags = standingFlags(t, profile.standing);
  const professions = profile.anyWork ? t("seeker:profile.any_work") : profile.professions.map((p) => name(p.profession)).join(", ");
  return t("seeker:profile.card", {
    name: profile.fullName, iin: maskIin(profile.iin), birth: formatDate(profile.birthDate), age, phone: profile.phone,
    status: t(`seeker:status.${profile.status}`), flags: flags || "—", district: `${name(profile.district)}, ${name(profile.district.region)}`,
    professions, relocate: t(profile.willingToRelocate ? "answer.yes" : "answer.no"),
  });
}

export async function showProfile(ctx: ConvContext) {
  const profile = ctx.account ? await ctx.services.readProfile(ctx.account.userId, ctx.deps.now()) : null;
  if (!profile) {
    return ctx.reply(ctx.t("seeker:profile.none"), { reply_markup: new InlineKeyboard().text(ctx.t("seeker:profile.register"), profileData.register()) });
  }
  const subscribed = await ctx.services.isSubscribed(ctx.account!.userId);
  const keyboard = new InlineKeyboard();
  EDIT_FIELDS.forEach((field, i) => {
    keyboard.text(ctx.t(`seeker:edit.field.${field}`), profileData.edit(field));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row()
    .text(ctx.t(subscribed ? "seeker:subscription.turn_off" : "seeker:subscription.turn_on"), profileData.subscription(!subscribed)).row()
    .text(ctx.t("seeker:profile.delete"), profileData.delete());
  return ctx.reply(profileText(ctx, profile), { reply_markup: keyboard });
}

export function profileFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(PROFILE_CALLBACK, async (ctx) => {
    const data = parseProfileCallback(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("fallback.stale_button") });
    await ctx.answerCallbackQuery();
    if (data[1] === "profile") return showProfile(ctx);
    if (data[1] === "register") return ctx.conversation.enter(REGISTRATION_CONVERSATION);
    if (data[1] === "edit") return ctx.conversation.enter(REGISTRATION_CONVERSATION, data[2]);
    if (data[1] === "sub") {
      const on = data[2] === "on";
      const done = await ctx.services.setSubscription(ctx.account!.userId, on);
      await ctx.reply(ctx.t(!done ? "seeker:profile.none" : on ? "seeker:subscription.on" : "seeker:subscription.off"));
      return showProfile(ctx);
    }
    if (data.length === 2) {
      return ctx.reply(ctx.t("seeker:profile.delete_confirm"), {
        reply_markup: new InlineKeyboard().text(ctx.t("seeker:profile.delete_yes"), profileData.deleteConfirmed()).row().text(ctx.t("seeker:profile.delete_no"), profileData.profile()),
      });
    }
    if (ctx.account) await ctx.services.eraseMyData(ctx.account.userId, [sessionRowKey(CONVERSATION_PREFIX, String(ctx.chat!.id))]);
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t("seeker:profile.deleted"));
  });
  return feature;
}
