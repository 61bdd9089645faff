// Job-seeker registration: consent first, then the questions of registration-steps.ts.
import { InlineKeyboard } from "grammy";
import { recordConsent, saveProfile } from "../../services/seekers.js";
import type { BotConversation, ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { ask, read, STEPS, type Draft } from "./registration-steps.js";

export const REGISTRATION_CONVERSATION = "registration";

const consentKeyboard = (ctx: ConvContext) =>
  new InlineKeyboard().text(ctx.t("seeker:consent.agree"), "reg:yes").row().text(ctx.t("seeker:consent.decline"), "reg:no");

async function askConsent(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, boolean]> {
  await ctx.reply(ctx.t("seeker:consent.text"), { reply_markup: consentKeyboard(ctx) });
  const answer = await conversation.waitForCallbackQuery(["reg:yes", "reg:no"], {
    otherwise: (other) => other.reply(other.t("seeker:consent.choose")),
  });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup().catch(() => undefined);
  return [answer, answer.callbackQuery.data === "reg:yes"];
}

const toMenu = (ctx: ConvContext, key: string) => ctx.reply(ctx.t(key), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });

export async function registrationConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  const [afterConsent, agreed] = await askConsent(conversation, ctx);
  if (!agreed) return void (await toMenu(afterConsent, "seeker:consent.declined"));
  const userId = afterConsent.account!.userId;
  await conversation.external((outside) => recordConsent(outside.deps.db, userId));

  const draft: Draft = { professionIds: [], anyWork: false, professionPage: 1, professionQuery: "" };
  let current = afterConsent;
  let index = 0;
  let asked = false;
  while (index < STEPS.length) {
    const step = STEPS[index]!;
    if (!asked) await ask(conversation, current, step, draft);
    current = await conversation.wait();
    const move = await read(conversation, current, step, draft);
    asked = move === "wait";
    if (move === "stop") return void (await toMenu(current, "seeker:registration.stopped"));
    if (move === "back") {
      if (index === 0) return void (await toMenu(current, "cancel.done"));
      index = step === "professions" ? STEPS.indexOf("place") : index - 1;
    } else if (move === "next") index++;
    else if (typeof move === "object") index = STEPS.indexOf(move.goto);
  }

  await conversation.external((outside) =>
    saveProfile(outside.deps.db, outside.deps.pii, userId, {
      fullName: draft.fullName!, iin: draft.iin!, birthDate: new Date(draft.birthDate!), sex: draft.sex!, phone: draft.phone!,
      status: draft.status!, studying: draft.studying!, working: draft.working!, districtId: draft.districtId!,
      professionIds: draft.professionIds, anyWork: draft.anyWork, willingToRelocate: draft.relocate!,
    }));
  await toMenu(current, "seeker:registration.done");
}
