// An admin creates or edits an employment centre: names and addresses in both languages, the
// phone, then the districts it covers. Editing offers "keep" for each current value.
import { oneButton } from "../keyboards/common.js";
import { normalisePhone } from "../../domain/person.js";
import { adminData, centreEditorCallbacks as editor } from "../callback-data/admin.js";
import { whichOf } from "../callback-data/callback.js";
import { centreDistrictsKeyboard, centreFieldKeyboard, centreRegionsKeyboard } from "../keyboards/admin.js";
import type { BotConversation, ConvContext } from "../context.js";
import { answer, ask, outside, staleButton, type Asked } from "./answer.js";

export const CENTRE_EDITOR_CONVERSATION = "centre-editor";

const FIELDS = ["nameKk", "nameRu", "addressKk", "addressRu", "phone"] as const;
type Field = (typeof FIELDS)[number];
type Unit = { id: number; nameKk: string; nameRu: string };

const readField = (field: Field, text: string): string | null => {
  if (field === "phone") return normalisePhone(text) ?? (/^\+?[\d\s()-]{6,20}$/.test(text.trim()) ? text.trim() : null);
  const value = text.trim().replace(/\s+/g, " ");
  return value.length >= 3 && value.length <= 200 ? value : null;
};

/** One field: typed anew, or kept as it is ("keep", when editing). */
function fieldQuestion(
  conversation: BotConversation,
  ctx: ConvContext,
  field: Field,
  existing: string | undefined,
): Promise<Asked<string>> {
  return ask<string>(
    conversation,
    ctx,
    (at) => at.reply(at.t(`admin:editor.ask.${field}`), { reply_markup: centreFieldKeyboard(at.t, existing) }),
    (at) => {
      const pressed = whichOf({ back: editor.back, keep: editor.keep }, at.callbackQuery?.data)?.action;
      if (pressed === "back") return { back: true };
      if (pressed === "keep" && existing !== undefined) return { value: existing };
      if (at.callbackQuery) return staleButton(at);
      const value = at.message?.text === undefined ? null : readField(field, at.message.text);
      return value === null
        ? { refuse: at.t(`admin:editor.invalid.${field === "phone" ? "phone" : "text"}`) }
        : { value };
    },
  );
}

type DistrictsAnswer = Exclude<ReturnType<typeof whichOf<typeof editor>>, null>;

/**
 * The districts the centre covers: a region opened, its districts ticked in place, then "save" (at
 * least one). Each press is an answer, and the question goes on with what it changed.
 */
async function districtsQuestion(
  conversation: BotConversation,
  allRegions: Unit[],
  chosen: number[],
  units: Unit[],
): Promise<number[]> {
  const pressed = await answer<DistrictsAnswer>(conversation, (at) => {
    const found = whichOf(editor, at.callbackQuery?.data);
    if (!found) return staleButton(at);
    if (found.action === "save" && chosen.length === 0)
      return { stay: (pressedAt) => pressedAt.reply(pressedAt.t("admin:editor.invalid.no_districts")) };
    return { value: found };
  });
  const at = pressed.ctx;
  if (pressed.back) return districtsQuestion(conversation, allRegions, chosen, units);
  const press = pressed.value;
  switch (press.action) {
    case "save":
      return chosen;
    case "regions":
      await at.editMessageText(at.t("admin:editor.ask.region"), {
        reply_markup: centreRegionsKeyboard(at.lang, allRegions),
      });
      return districtsQuestion(conversation, allRegions, chosen, units);
    case "region": {
      const { regionId } = press.data;
      const opened = await outside(conversation, async (o) =>
        (await o.services.places.districtsOf(regionId)).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
      );
      await at.editMessageText(at.t("admin:editor.ask.districts"), {
        reply_markup: centreDistrictsKeyboard(at.t, at.lang, opened, chosen),
      });
      return districtsQuestion(conversation, allRegions, chosen, opened);
    }
    case "district": {
      const { districtId } = press.data;
      const ticked = chosen.includes(districtId) ? chosen.filter((d) => d !== districtId) : [...chosen, districtId];
      await at.editMessageReplyMarkup({ reply_markup: centreDistrictsKeyboard(at.t, at.lang, units, ticked) });
      return districtsQuestion(conversation, allRegions, ticked, units);
    }
    default:
      // "back" and "keep" belong to the fields' questions: nothing to do here.
      return districtsQuestion(conversation, allRegions, chosen, units);
  }
}

export async function centreEditorConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  centreId?: number,
): Promise<void> {
  const existing = await outside(conversation, async (at) => {
    const centre = centreId ? await at.services.admin.centreDetails(centreId) : null;
    if (!centre) return null;
    const { nameKk, nameRu, addressKk, addressRu, phone } = centre;
    return { nameKk, nameRu, addressKk, addressRu, phone, districtIds: centre.districts.map((d) => d.districtId) };
  });
  const field = (at: ConvContext, name: Field) => fieldQuestion(conversation, at, name, existing?.[name]);
  const nameKk = await field(ctx, "nameKk");
  if (nameKk.back)
    return void (await nameKk.ctx.reply(nameKk.ctx.t("cancel.done"), {
      reply_markup: oneButton(nameKk.ctx.t("menu.back"), adminData.home()),
    }));
  const nameRu = await field(nameKk.ctx, "nameRu");
  if (nameRu.back) return conversation.rewind(nameKk.again);
  const addressKk = await field(nameRu.ctx, "addressKk");
  if (addressKk.back) return conversation.rewind(nameRu.again);
  const addressRu = await field(addressKk.ctx, "addressRu");
  if (addressRu.back) return conversation.rewind(addressKk.again);
  const phone = await field(addressRu.ctx, "phone");
  if (phone.back) return conversation.rewind(addressRu.again);

  const current = phone.ctx;
  const allRegions = await outside(conversation, async (at) =>
    (await at.services.places.regions()).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
  );
  await current.reply(current.t("admin:editor.ask.region"), {
    reply_markup: centreRegionsKeyboard(current.lang, allRegions),
  });
  const chosen = await districtsQuestion(conversation, allRegions, existing?.districtIds ?? [], []);
  const fields = {
    nameKk: nameKk.value,
    nameRu: nameRu.value,
    addressKk: addressKk.value,
    addressRu: addressRu.value,
    phone: phone.value,
  };
  const saved = await outside(conversation, async (at) => {
    const centre = await at.services.admin.saveCentre(at.account!.userId, centreId, { ...fields, districtIds: chosen });
    return centre.id;
  });
  await current.reply(current.t("admin:editor.saved", { count: chosen.length }), {
    reply_markup: oneButton(current.t("admin:centre.open"), adminData.centre(saved)),
  });
}
