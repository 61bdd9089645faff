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
import { answer, outside, staleButton } from "./answer.js";

type Units = Array<{ id: number; nameKk: string; nameRu: string }>;

/** The person's own phone, shared or typed; null when they went back. */
async function askContact(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, string | null]> {
  await ctx.reply(ctx.t("seeker:claim.ask_contact"), { reply_markup: keyboards.contactKeyboard(ctx.t) });
  await ctx.reply(ctx.t("seeker:ask.phone_typed"), { reply_markup: keyboards.backKeyboard(ctx.t) });
  const phone = await answer<string>(conversation, (at) => {
    if (at.callbackQuery) return reg.back.unpack(at.callbackQuery.data) ? { back: true } : staleButton(at);
    const contact = at.message?.contact;
    if (contact && contact.user_id !== at.from?.id) return { refuse: at.t("seeker:invalid.not_own_contact") };
    const normalised = normalisePhone(contact?.phone_number ?? at.message?.text ?? "");
    return normalised ? { value: normalised } : { refuse: at.t("seeker:invalid.phone") };
  });
  return [phone.ctx, phone.back ? null : phone.value];
}

/** The district, chosen from the regions' lists; null when they went back. */
async function askDistrict(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, number | null]> {
  const units = (what: "list" | number) =>
    outside(
      conversation,
      async (at): Promise<Units> =>
        (what === "list" ? await at.services.places.regions() : await at.services.places.districtsOf(what)).map(
          ({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu }),
        ),
    );
  await ctx.reply(ctx.t("seeker:claim.ask_district"), {
    reply_markup: keyboards.unitKeyboard(await units("list"), ctx.lang, "region", ctx.t),
  });
  const district = await answer<number>(conversation, (at) => {
    if (!at.callbackQuery) return { refuse: at.t("answer.use_buttons") };
    const pressed = whichOf(
      { back: reg.back, district: reg.district, region: reg.region, list: reg.list },
      at.callbackQuery.data,
    );
    if (pressed?.action === "back") return { back: true };
    if (pressed?.action === "district") return { value: pressed.data.districtId };
    if (pressed?.action !== "region" && pressed?.action !== "list") return staleButton(at);
    const region = pressed.action === "region" ? pressed.data.regionId : "list";
    return {
      stay: async (pressedAt) =>
        pressedAt.editMessageReplyMarkup({
          reply_markup: keyboards.unitKeyboard(
            await units(region),
            pressedAt.lang,
            region === "list" ? "region" : "district",
            pressedAt.t,
          ),
        }),
    };
  });
  return [district.ctx, district.back ? null : district.value];
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
  await outside(conversation, (at) => at.services.seekers.fileIinClaim({ userId, iin, phone, districtId }));
  await afterDistrict.reply(afterDistrict.t("seeker:claim.filed"), {
    reply_markup: oneButton(afterDistrict.t("menu.back"), profileData.profile()),
  });
  return [afterDistrict, true];
}
