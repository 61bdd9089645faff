// "My IIN is registered from another account": the person shares their own contact and chooses
// their district; the request goes to the staff of that district's centre, who will call and check
// the identity document in person.
import { oneButton } from "../keyboards/common.js";
import { profileData } from "../callback-data/profile.js";
import { normalisePhone } from "../../domain/person.js";
import { registrationCallbacks as reg } from "../callback-data/registration.js";
import { whichOf } from "../callback-data/callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import * as keyboards from "../keyboards/registration.js";

type Units = Array<{ id: number; nameKk: string; nameRu: string }>;

/** The person's own phone, shared or typed; null when they went back. */
async function askContact(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, string | null]> {
  await ctx.reply(ctx.t("seeker:claim.ask_contact"), { reply_markup: keyboards.contactKeyboard(ctx.t) });
  await ctx.reply(ctx.t("seeker:ask.phone_typed"), { reply_markup: keyboards.backKeyboard(ctx.t) });
  for (;;) {
    const answer = await conversation.wait();
    if (answer.callbackQuery) {
      await answer.answerCallbackQuery();
      if (reg.back.unpack(answer.callbackQuery.data)) return [answer, null];
      continue;
    }
    const contact = answer.message?.contact;
    if (contact && contact.user_id !== answer.from?.id) {
      await answer.reply(answer.t("seeker:invalid.not_own_contact"));
      continue;
    }
    const phone = normalisePhone(contact?.phone_number ?? answer.message?.text ?? "");
    if (phone) return [answer, phone];
    await answer.reply(answer.t("seeker:invalid.phone"));
  }
}

/** The district, chosen from the regions' lists; null when they went back. */
async function askDistrict(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, number | null]> {
  const units = (what: "list" | number) =>
    conversation.external(
      async (outside): Promise<Units> =>
        (what === "list"
          ? await outside.services.places.regions()
          : await outside.services.places.districtsOf(what)
        ).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
    );
  await ctx.reply(ctx.t("seeker:claim.ask_district"), {
    reply_markup: keyboards.unitKeyboard(await units("list"), ctx.lang, "region", ctx.t),
  });
  for (;;) {
    const answer = await conversation.wait();
    if (!answer.callbackQuery) {
      await answer.reply(answer.t("answer.use_buttons"));
      continue;
    }
    await answer.answerCallbackQuery();
    const pressed = whichOf(
      { back: reg.back, district: reg.district, region: reg.region, list: reg.list },
      answer.callbackQuery.data,
    );
    if (pressed?.action === "back") return [answer, null];
    if (pressed?.action === "district") return [answer, pressed.data.districtId];
    if (pressed?.action === "region" || pressed?.action === "list") {
      const region = pressed.action === "region" ? pressed.data.regionId : "list";
      await answer.editMessageReplyMarkup({
        reply_markup: keyboards.unitKeyboard(
          await units(region),
          answer.lang,
          region === "list" ? "region" : "district",
          answer.t,
        ),
      });
    }
  }
}

/** Files the request; the context to go on with, and whether it was filed. */
export async function iinClaimFlow(
  conversation: BotConversation,
  ctx: ConvContext,
  iin: string,
): Promise<[ConvContext, boolean]> {
  const [afterContact, phone] = await askContact(conversation, ctx);
  if (!phone) return [afterContact, false];
  const [afterDistrict, districtId] = await askDistrict(conversation, afterContact);
  if (!districtId) return [afterDistrict, false];
  const userId = afterDistrict.account!.userId;
  await conversation.external((outside) => outside.services.seekers.fileIinClaim({ userId, iin, phone, districtId }));
  await afterDistrict.reply(afterDistrict.t("seeker:claim.filed"), {
    reply_markup: oneButton(afterDistrict.t("menu.back"), profileData.profile()),
  });
  return [afterDistrict, true];
}
