// Job-seeker registration: consent first, then the questions of registration-steps.ts.
import { twoButtons } from "../keyboards/common.js";
import { registrationCallbacks as reg } from "../callback-data/registration.js";
import type { BotConversation, ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import type { EditField } from "../callback-data/profile.js";
import { ask, read, STEPS, type Draft, type Step } from "./registration-steps.js";
import { outside } from "./answer.js";
import { iinClaimFlow } from "./iin-claim.js";
import { walkSteps } from "./steps.js";

export const REGISTRATION_CONVERSATION = "registration";

const consentKeyboard = (ctx: ConvContext) =>
  twoButtons([ctx.t("seeker:consent.agree"), reg.yes.pack({})], [ctx.t("seeker:consent.decline"), reg.no.pack({})]);

async function askConsent(conversation: BotConversation, ctx: ConvContext): Promise<[ConvContext, boolean]> {
  await ctx.reply(ctx.t("seeker:consent.text"), { reply_markup: consentKeyboard(ctx) });
  const answer = await conversation.waitForCallbackQuery([reg.yes.filter, reg.no.filter], {
    otherwise: (other) => other.reply(other.t("seeker:consent.choose")),
  });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup().catch(() => undefined);
  return [answer, reg.yes.unpack(answer.callbackQuery.data) !== null];
}

const toMenu = (ctx: ConvContext, key: string) =>
  ctx.reply(ctx.t(key), { reply_markup: mainMenuKeyboard(ctx.t, ctx.account) });

/** The questions each "change" button of "My profile" asks again. */
const EDIT_GROUPS: Record<EditField, readonly Step[]> = {
  name: ["name"],
  iin: ["iin", "iin_confirm"],
  phone: ["phone"],
  status: ["status", "studying", "working"],
  place: ["place", "place_confirm"],
  professions: ["professions"],
  relocate: ["relocate"],
};

/**
 * The profile as the edit's draft, without the IIN and the phone: a conversation keeps what it is
 * given, so it is given neither unless the person types it anew (the stored ones are kept otherwise).
 */
const loadDraft = (conversation: BotConversation, userId: number) =>
  outside(conversation, async (at): Promise<Draft | null> => {
    const profile = await at.services.seekers.profileForEdit(userId);
    if (!profile) return null;
    return {
      fullName: profile.fullName,
      birthDate: profile.birthDate.toISOString(),
      sex: profile.sex,
      status: profile.status,
      studying: profile.studying,
      working: profile.working,
      districtId: profile.districtId,
      professionIds: profile.professions.map((p) => p.professionId),
      anyWork: profile.anyWork,
      relocate: profile.willingToRelocate,
      professionPage: 1,
      professionQuery: "",
    };
  });

/**
 * Registration (consent, then every question), or with `edit` one field of an existing profile:
 * only that field's questions, the same checks, the rest kept.
 */
export async function registrationConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  edit?: EditField,
): Promise<void> {
  let current = ctx;
  let draft: Draft = { professionIds: [], anyWork: false, professionPage: 1, professionQuery: "" };
  const userId = ctx.account!.userId;
  if (edit) {
    const loaded = await loadDraft(conversation, userId);
    if (!loaded) return void (await toMenu(ctx, "seeker:profile.none"));
    draft = loaded;
  } else {
    const [afterConsent, agreed] = await askConsent(conversation, ctx);
    if (!agreed) return void (await toMenu(afterConsent, "seeker:consent.declined"));
    await outside(conversation, (at) => at.services.seekers.recordConsent(userId));
    current = afterConsent;
  }

  if (edit === "professions") draft.anyWork = false; // chosen again, "any work" included
  const walked = await walkSteps<Step>({
    first: current,
    steps: STEPS,
    within: edit ? EDIT_GROUPS[edit] : STEPS,
    ask: (at, step) => ask(conversation, at, step, draft),
    answer: async (step) => {
      const answered = await conversation.wait();
      const move = await read(conversation, answered, step, draft);
      return [answered, move === "stop" || move === "claim" ? { leave: move } : move];
    },
    backTo: (step) => (step === "professions" ? "place" : undefined), // the place's question, not its confirmation
  });
  current = walked.ctx;
  if (walked.end === "back") return void (await toMenu(current, edit ? "seeker:edit.cancelled" : "cancel.done"));
  if (walked.end === "leave" && walked.reason === "claim") {
    const [after, filed] = await iinClaimFlow(conversation, current, draft.claimIin!);
    return void (await toMenu(after, filed ? "seeker:claim.menu" : "seeker:registration.stopped"));
  }
  if (walked.end === "leave")
    return void (await toMenu(current, edit ? "seeker:edit.cancelled" : "seeker:registration.stopped"));

  await outside(conversation, (at) =>
    at.services.seekers.saveProfile(userId, {
      fullName: draft.fullName!,
      iin: draft.iin,
      birthDate: new Date(draft.birthDate!),
      sex: draft.sex!,
      phone: draft.phone,
      status: draft.status!,
      studying: draft.studying!,
      working: draft.working!,
      districtId: draft.districtId!,
      professionIds: draft.anyWork ? [] : draft.professionIds,
      anyWork: draft.anyWork,
      willingToRelocate: draft.relocate!,
    }),
  );
  await toMenu(current, edit ? "seeker:edit.saved" : "seeker:registration.done");
}
