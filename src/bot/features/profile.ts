// "My profile": view it, register, or erase it after a confirmation.
import { Composer } from "grammy";
import { oneButton, twoButtons } from "../keyboards/common.js";
import { profileKeyboard } from "../keyboards/seeker.js";
import { standingFlags } from "../../presentation/standing.js";
import type { ProfileView } from "../../services/seekers.js";
import { sessionRowKey } from "../../db/prisma-storage.js";
import { CONVERSATION_PREFIX } from "../conversation-prefix.js";
import type { BotContext, ConvContext } from "../context.js";
import { REGISTRATION_CONVERSATION } from "../conversations/registration.js";
import { profileCallbacks, profileData } from "../callback-data/profile.js";
import type { Callback, ValueOf } from "../callback-data/callback.js";
import { onPress } from "../callback-route.js";
import { formatDate, localName } from "../../presentation/format.js";

const maskIin = (iin: string) => `••••••••${iin.slice(-4)}`;

export function profileText(ctx: ConvContext, profile: ProfileView): string {
  const { t, lang } = ctx;
  const name = (o: { nameKk: string; nameRu: string }) => localName(lang, o);
  const { age } = profile.standing;
  const flags = standingFlags(t, profile.standing);
  const professions = profile.anyWork
    ? t("seeker:profile.any_work")
    : profile.professions.map((p) => name(p.profession)).join(", ");
  return t("seeker:profile.card", {
    name: profile.fullName,
    iin: maskIin(profile.iin),
    birth: formatDate(profile.birthDate),
    age,
    phone: profile.phone,
    status: t(`seeker:status.${profile.status}`),
    flags: flags || "—",
    district: `${name(profile.district)}, ${name(profile.district.region)}`,
    professions,
    relocate: t(profile.willingToRelocate ? "answer.yes" : "answer.no"),
  });
}

export async function showProfile(ctx: ConvContext) {
  const profile = ctx.account ? await ctx.services.seekers.readProfile(ctx.account.userId, ctx.deps.now()) : null;
  if (!profile) {
    return ctx.reply(ctx.t("seeker:profile.none"), {
      reply_markup: oneButton(ctx.t("seeker:profile.register"), profileData.register()),
    });
  }
  const subscribed = await ctx.services.seekers.isSubscribed(ctx.account!.userId);
  return ctx.reply(profileText(ctx, profile), { reply_markup: profileKeyboard(ctx.t, subscribed) });
}

export function profileFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const press = <F extends Parameters<typeof onPress>[1]["fields"]>(
    action: Callback<F>,
    handle: (ctx: BotContext, data: ValueOf<F>) => unknown,
  ) =>
    onPress(feature, action, async (ctx, data) => {
      await ctx.answerCallbackQuery();
      return handle(ctx, data);
    });
  const c = profileCallbacks;
  press(c.profile, (ctx) => showProfile(ctx));
  press(c.register, (ctx) => ctx.conversation.enter(REGISTRATION_CONVERSATION));
  press(c.edit, (ctx, { field }) => ctx.conversation.enter(REGISTRATION_CONVERSATION, field));
  press(c.subscription, async (ctx, data) => {
    const on = data.on === "on";
    const done = await ctx.services.seekers.setSubscription(ctx.account!.userId, on);
    await ctx.reply(ctx.t(!done ? "seeker:profile.none" : on ? "seeker:subscription.on" : "seeker:subscription.off"));
    return showProfile(ctx);
  });
  // Staff and admins keep their role's record: they are told to have the role removed first.
  const holdsRole = (ctx: BotContext) => Boolean(ctx.account?.isStaff || ctx.account?.isAdmin);
  press(c.delete, (ctx) =>
    holdsRole(ctx)
      ? ctx.reply(ctx.t("seeker:profile.delete_holds_role"))
      : ctx.reply(ctx.t("seeker:profile.delete_confirm"), {
          reply_markup: twoButtons(
            [ctx.t("seeker:profile.delete_yes"), profileData.deleteConfirmed()],
            [ctx.t("seeker:profile.delete_no"), profileData.profile()],
          ),
        }),
  );
  press(c.deleteConfirmed, async (ctx) => {
    const outcome = ctx.account
      ? await ctx.services.seekers.eraseMyData(ctx.account.userId, [
          sessionRowKey(CONVERSATION_PREFIX, String(ctx.chat!.id)),
        ])
      : "erased";
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t(outcome === "erased" ? "seeker:profile.deleted" : "seeker:profile.delete_holds_role"));
  });
  return feature;
}
