// An admin creates or edits an employment centre: names and addresses in both languages, the
// phone, then the districts it covers. Editing offers "keep" for each current value.
import { oneButton } from "../keyboards/common.js";
import { walkSteps } from "./steps.js";
import { normalisePhone } from "../../domain/person.js";
import { adminData, centreEditorCallbacks as editor } from "../callback-data/admin.js";
import { whichOf } from "../callback-data/callback.js";
import { centreDistrictsKeyboard, centreFieldKeyboard, centreRegionsKeyboard } from "../keyboards/admin.js";
import type { BotConversation, ConvContext } from "../context.js";

export const CENTRE_EDITOR_CONVERSATION = "centre-editor";

const FIELDS = ["nameKk", "nameRu", "addressKk", "addressRu", "phone"] as const;
type Field = (typeof FIELDS)[number];
type Unit = { id: number; nameKk: string; nameRu: string };

const readField = (field: Field, text: string): string | null => {
  if (field === "phone") return normalisePhone(text) ?? (/^\+?[\d\s()-]{6,20}$/.test(text.trim()) ? text.trim() : null);
  const value = text.trim().replace(/\s+/g, " ");
  return value.length >= 3 && value.length <= 200 ? value : null;
};

export async function centreEditorConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  centreId?: number,
): Promise<void> {
  const existing = await conversation.external(async (outside) => {
    const centre = centreId ? await outside.services.admin.centreDetails(centreId) : null;
    if (!centre) return null;
    const { nameKk, nameRu, addressKk, addressRu, phone } = centre;
    return { nameKk, nameRu, addressKk, addressRu, phone, districtIds: centre.districts.map((d) => d.districtId) };
  });
  const draft: Partial<Record<Field, string>> = {};
  const walked = await walkSteps<Field>({
    first: ctx,
    steps: FIELDS,
    ask: (at, field) => {
      return at.reply(at.t(`admin:editor.ask.${field}`), {
        reply_markup: centreFieldKeyboard(at.t, existing?.[field]),
      });
    },
    answer: async (field) => {
      const answered = await conversation.wait();
      const pressed = whichOf({ back: editor.back, keep: editor.keep }, answered.callbackQuery?.data)?.action;
      if (answered.callbackQuery) await answered.answerCallbackQuery();
      if (pressed === "back") return [answered, "back"];
      const value =
        pressed === "keep" && existing
          ? existing[field]
          : answered.message?.text !== undefined
            ? readField(field, answered.message.text)
            : null;
      if (value === null) {
        await answered.reply(answered.t(`admin:editor.invalid.${field === "phone" ? "phone" : "text"}`));
        return [answered, "repeat"];
      }
      draft[field] = value;
      return [answered, "next"];
    },
  });
  let current = walked.ctx;
  if (walked.end !== "done") {
    return void (await current.reply(current.t("cancel.done"), {
      reply_markup: oneButton(current.t("menu.back"), adminData.home()),
    }));
  }

  let chosen = existing?.districtIds ?? [];
  const allRegions = await conversation.external(async (outside) =>
    (await outside.services.places.regions()).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
  );
  await current.reply(current.t("admin:editor.ask.region"), {
    reply_markup: centreRegionsKeyboard(current.lang, allRegions),
  });
  let units: Unit[] = [];
  for (;;) {
    current = await conversation.wait();
    const pressed = whichOf(editor, current.callbackQuery?.data);
    if (!pressed) {
      if (current.callbackQuery) await current.answerCallbackQuery({ text: current.t("answer.use_latest_buttons") });
      else await current.reply(current.t("answer.use_buttons"));
      continue;
    }
    await current.answerCallbackQuery();
    if (pressed.action === "regions")
      await current.editMessageText(current.t("admin:editor.ask.region"), {
        reply_markup: centreRegionsKeyboard(current.lang, allRegions),
      });
    if (pressed.action === "region") {
      const { regionId } = pressed.data;
      units = await conversation.external(async (outside) =>
        (await outside.services.places.districtsOf(regionId)).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
      );
      await current.editMessageText(current.t("admin:editor.ask.districts"), {
        reply_markup: centreDistrictsKeyboard(current.t, current.lang, units, chosen),
      });
    }
    if (pressed.action === "district") {
      const { districtId } = pressed.data;
      chosen = chosen.includes(districtId) ? chosen.filter((d) => d !== districtId) : [...chosen, districtId];
      await current.editMessageReplyMarkup({
        reply_markup: centreDistrictsKeyboard(current.t, current.lang, units, chosen),
      });
    }
    if (pressed.action === "save" && chosen.length === 0)
      await current.reply(current.t("admin:editor.invalid.no_districts"));
    else if (pressed.action === "save") break;
  }

  const saved = await conversation.external(async (outside) => {
    const centre = await outside.services.admin.saveCentre(outside.account!.userId, centreId, {
      ...(draft as Record<Field, string>),
      districtIds: chosen,
    });
    return centre.id;
  });
  await current.reply(current.t("admin:editor.saved", { count: chosen.length }), {
    reply_markup: oneButton(current.t("admin:centre.open"), adminData.centre(saved)),
  });
}
