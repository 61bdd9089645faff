// The questions of the job-seeker registration: how each is asked and how an answer is read.
import { ageOn, readIin } from "../../domain/iin.js";
import { normaliseFullName, normalisePhone, type SeekerStatus } from "../../domain/person.js";
import { MIN_REGISTRATION_AGE } from "../../domain/rules.js";
import { nearest } from "../../domain/geo.js";
import { IIN_ATTEMPTS_PER_DAY } from "../../domain/retention.js";
import { registrationCallbacks as reg } from "../callback-data/registration.js";
import { whichOf } from "../callback-data/callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import * as keyboards from "../keyboards/registration.js";
import { formatDate } from "../../presentation/format.js";
import { pointOf } from "../location.js";
import { now, outside } from "./answer.js";

export const STEPS = [
  "name",
  "iin",
  "iin_confirm",
  "phone",
  "status",
  "studying",
  "working",
  "place",
  "place_confirm",
  "professions",
  "relocate",
] as const;
export type Step = (typeof STEPS)[number];

export interface Draft {
  fullName?: string;
  iin?: string;
  birthDate?: string; // ISO date
  sex?: "male" | "female";
  phone?: string;
  status?: SeekerStatus;
  studying?: boolean;
  working?: boolean;
  districtId?: number;
  suggested?: { id: number; nameKk: string; nameRu: string };
  professionIds: number[];
  anyWork: boolean;
  relocate?: boolean;
  professionPage: number;
  professionQuery: string;
  /** An IIN registered from another account, which the person may ask their centre about. */
  claimIin?: string;
}

/** next | back | a named step | repeat (ask again) | wait (keep waiting) | stop (end registration) | claim (ask the centre about the IIN) */
export type Move = "next" | "back" | "repeat" | "wait" | "stop" | "claim" | { goto: Step };

/** Says why an answer cannot be taken; the question is asked again. */
async function refuse(ctx: ConvContext, reason: string): Promise<Move> {
  await ctx.reply(reason);
  return "repeat";
}

type Professions = Array<{ id: number; nameKk: string; nameRu: string }>;
const professionsFor = (conversation: BotConversation, query: string, lang: "kk" | "ru") =>
  outside(
    conversation,
    async (ctx): Promise<Professions> =>
      (await ctx.services.seekers.searchProfessions(query, lang)).map(({ id, nameKk, nameRu }) => ({
        id,
        nameKk,
        nameRu,
      })),
  );

export async function ask(conversation: BotConversation, ctx: ConvContext, step: Step, draft: Draft): Promise<void> {
  const { t, lang } = ctx;
  switch (step) {
    case "name":
      return void (await ctx.reply(t("seeker:ask.name"), { reply_markup: keyboards.backKeyboard(t) }));
    case "iin":
      return void (await ctx.reply(t("seeker:ask.iin"), { reply_markup: keyboards.backKeyboard(t) }));
    case "iin_confirm":
      return void (await ctx.reply(
        t("seeker:ask.iin_confirm", {
          birth: formatDate(new Date(draft.birthDate!)),
          sex: t(`seeker:sex.${draft.sex}`),
        }),
        { reply_markup: keyboards.yesNoKeyboard(t) },
      ));
    case "phone":
      await ctx.reply(t("seeker:ask.phone"), { reply_markup: keyboards.contactKeyboard(t) });
      return void (await ctx.reply(t("seeker:ask.phone_typed"), { reply_markup: keyboards.backKeyboard(t) }));
    case "status":
      return void (await ctx.reply(t("seeker:ask.status"), { reply_markup: keyboards.statusKeyboard(t) }));
    case "studying":
    case "working":
    case "relocate":
      return void (await ctx.reply(t(`seeker:ask.${step}`), { reply_markup: keyboards.yesNoKeyboard(t) }));
    case "place":
      await ctx.reply(t("seeker:ask.place"), { reply_markup: keyboards.locationKeyboard(t) });
      return void (await ctx.reply(t("seeker:ask.place_or_list"), { reply_markup: keyboards.placeKeyboard(t) }));
    case "place_confirm": {
      const name = lang === "kk" ? draft.suggested!.nameKk : draft.suggested!.nameRu;
      return void (await ctx.reply(t("seeker:ask.place_confirm", { district: name }), {
        reply_markup: keyboards.yesNoKeyboard(t),
      }));
    }
    case "professions": {
      const all = await professionsFor(conversation, draft.professionQuery, lang);
      return void (await ctx.reply(t("seeker:ask.professions"), {
        reply_markup: keyboards.professionsKeyboard(t, lang, all, draft.professionIds, draft.professionPage),
      }));
    }
  }
}

async function readText(
  conversation: BotConversation,
  ctx: ConvContext,
  step: Step,
  text: string,
  draft: Draft,
): Promise<Move> {
  const t = ctx.t;
  if (step === "name") {
    const name = normaliseFullName(text);
    if (!name) return refuse(ctx, t("seeker:invalid.name"));
    draft.fullName = name;
    return "next";
  }
  if (step === "iin") {
    const facts = readIin(text);
    if (!facts) return refuse(ctx, t("seeker:invalid.iin"));
    const today = await now(conversation);
    if (ageOn(facts.birthDate, today) < MIN_REGISTRATION_AGE) {
      await ctx.reply(t("seeker:invalid.too_young", { age: MIN_REGISTRATION_AGE }));
      return "stop";
    }
    const iin = text.replace(/\s/g, "");
    const userId = ctx.account!.userId;
    const answer = await outside(conversation, async (at) => {
      if (!(await at.services.seekers.countIinAttempt(userId, at.deps.now()))) return "too_many" as const;
      return (await at.services.seekers.iinTakenByAnother(iin, userId)) ? ("taken" as const) : ("free" as const);
    });
    if (answer === "too_many") {
      await ctx.reply(t("seeker:invalid.iin_attempts", { count: IIN_ATTEMPTS_PER_DAY }));
      return "stop";
    }
    if (answer === "taken") {
      draft.claimIin = iin;
      await ctx.reply(t("seeker:invalid.iin_unavailable"), { reply_markup: keyboards.claimKeyboard(t) });
      return "wait";
    }
    Object.assign(draft, { iin, birthDate: facts.birthDate.toISOString(), sex: facts.sex });
    return "next";
  }
  if (step === "phone") {
    const phone = normalisePhone(text);
    if (!phone) return refuse(ctx, t("seeker:invalid.phone"));
    draft.phone = phone;
    return "next";
  }
  if (step === "professions") {
    draft.professionQuery = text.trim().slice(0, 40);
    draft.professionPage = 1;
    const found = await professionsFor(conversation, draft.professionQuery, ctx.lang);
    if (found.length === 0) {
      draft.professionQuery = "";
      await ctx.reply(t("seeker:invalid.no_profession_found"));
    }
    return "repeat";
  }
  await ctx.reply(t("answer.use_buttons"));
  return "repeat";
}

/** Reads one update for a step. */
export async function read(conversation: BotConversation, ctx: ConvContext, step: Step, draft: Draft): Promise<Move> {
  const t = ctx.t;
  const message = ctx.message;
  if (message?.contact && step === "phone") {
    if (message.contact.user_id !== ctx.from?.id) return refuse(ctx, t("seeker:invalid.not_own_contact"));
    const phone = normalisePhone(message.contact.phone_number);
    if (!phone) return refuse(ctx, t("seeker:invalid.phone"));
    draft.phone = phone;
    return "next";
  }
  const point = pointOf(message?.location);
  if (point && step === "place") {
    draft.suggested = await outside(conversation, async (at) => {
      const all = await at.services.places.districtPoints();
      const { id, nameKk, nameRu } = nearest(point, all)!;
      return { id, nameKk, nameRu };
    });
    return "next";
  }
  if (message?.text !== undefined) return readText(conversation, ctx, step, message.text, draft);
  const pressed = whichOf(reg, ctx.callbackQuery?.data);
  if (!ctx.callbackQuery) return refuse(ctx, t("answer.use_buttons"));
  await ctx.answerCallbackQuery();
  if (!pressed) return "wait";
  const what = pressed.action;
  if (what === "back") return "back";
  if (what === "claim") return step === "iin" && draft.claimIin ? "claim" : "wait";
  const yes = what === "yes";
  if (
    (what === "yes" || what === "no") &&
    ["iin_confirm", "studying", "working", "relocate", "place_confirm"].includes(step)
  ) {
    if (step === "iin_confirm") return yes ? "next" : "back";
    if (step === "place_confirm") {
      if (!yes) return "back";
      draft.districtId = draft.suggested!.id;
      return "next";
    }
    if (step === "studying") draft.studying = yes;
    if (step === "working") draft.working = yes;
    if (step === "relocate") draft.relocate = yes;
    return "next";
  }
  if (pressed.action === "status" && step === "status") {
    draft.status = pressed.data.status;
    return "next";
  }
  if (step === "place" && (pressed.action === "list" || pressed.action === "region")) {
    const regionId = pressed.action === "region" ? pressed.data.regionId : undefined;
    const units = await outside(conversation, async (at) =>
      (regionId === undefined
        ? await at.services.places.regions()
        : await at.services.places.districtsOf(regionId)
      ).map(({ id, nameKk, nameRu }) => ({ id, nameKk, nameRu })),
    );
    await ctx.editMessageText(t(what === "list" ? "projects:menu.choose_region" : "projects:menu.choose_district"), {
      reply_markup: keyboards.unitKeyboard(units, ctx.lang, what === "list" ? "region" : "district", t),
    });
    return "wait";
  }
  if (step === "place" && pressed.action === "district") {
    draft.districtId = pressed.data.districtId;
    draft.suggested = undefined;
    return { goto: "professions" };
  }
  if (step === "professions") {
    if (pressed.action === "profession") {
      const { professionId } = pressed.data;
      draft.professionIds = draft.professionIds.includes(professionId)
        ? draft.professionIds.filter((p) => p !== professionId)
        : [...draft.professionIds, professionId];
    }
    if (pressed.action === "page") draft.professionPage = pressed.data.page;
    if (what === "any" || what === "done") {
      if (what === "any") draft.anyWork = true;
      if (draft.anyWork || draft.professionIds.length > 0) return "next";
      await ctx.answerCallbackQuery({ text: t("seeker:invalid.no_professions") }).catch(() => undefined);
      return "wait";
    }
    const all = await professionsFor(conversation, draft.professionQuery, ctx.lang);
    await ctx.editMessageReplyMarkup({
      reply_markup: keyboards.professionsKeyboard(t, ctx.lang, all, draft.professionIds, draft.professionPage),
    });
    return "wait";
  }
  return "wait"; // a button of an earlier question
}
