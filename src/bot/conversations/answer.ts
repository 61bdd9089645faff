// The conversations plugin's idioms, shaped once for every question of the bot:
// - `answer`: one form field (`conversation.form.build`) that reads an update into a typed value
//   or "back"; anything else is told why (`otherwise`) and the question waits on;
// - `ask`: a question put, its answer read, and a checkpoint to come back to it (`rewind`) when
//   the next question's "back" is pressed;
// - `outside`: `conversation.external` that keeps a refusal of the services (NotAllowedError) as
//   itself across replays, so that the error boundary tells the person the same as outside one;
// - `now`: the bot's clock (deps.now, which tests set) read once and replayed.
import type { Checkpoint } from "@grammyjs/conversations";
import { NotAllowedError } from "../../services/staff.js";
import { type Actions, type Pressed, whichOf } from "../callback-data/callback.js";
import type { BotContext, BotConversation, ConvContext } from "../context.js";

/** What an update says to the question being asked. */
export type Reading<T> =
  /** The answer. */
  | { value: T }
  /** The question's own back button. */
  | { back: true }
  /** Not an answer: why, replied to a text or shown on the pressed button (in a box to close when `alert`). */
  | { refuse: string; alert?: true }
  /** A button of this question that changes it in place (a choice ticked, a list opened): done, and the question waits on. */
  | { stay: (ctx: ConvContext) => Promise<unknown> };

export type Answered<T> = { ctx: ConvContext; back: false; value: T } | { ctx: ConvContext; back: true };

type NotTaken = { refuse: string; alert?: true } | { stay: (ctx: ConvContext) => Promise<unknown> };

/**
 * Waits until an update answers (or goes back); a pressed button is answered either way. A refused
 * text is followed by `putAgain` when given: the question, with its buttons, is the last message again.
 */
export function answer<T>(
  conversation: BotConversation,
  read: (ctx: ConvContext) => Reading<T> | Promise<Reading<T>>,
  putAgain?: (ctx: ConvContext) => Promise<unknown>,
): Promise<Answered<T>> {
  return conversation.form.build<Answered<T>, NotTaken>({
    validate: async (ctx) => {
      const reading = await read(ctx);
      if ("value" in reading) return { ok: true, value: { ctx, back: false, value: reading.value } };
      if ("back" in reading) return { ok: true, value: { ctx, back: true } };
      return { ok: false, error: reading };
    },
    action: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    },
    otherwise: async (ctx, why) => {
      if ("stay" in why) {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await why.stay(ctx);
      } else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: why.refuse, show_alert: why.alert });
      else {
        await ctx.reply(why.refuse);
        await putAgain?.(ctx);
      }
    },
  });
}

export type Asked<T> = Answered<T> & { again: Checkpoint };

/** Puts a question and reads its answer; `again` rewinds to putting it anew (the next question's "back"). */
export async function ask<T>(
  conversation: BotConversation,
  ctx: ConvContext,
  put: (ctx: ConvContext) => Promise<unknown>,
  read: (ctx: ConvContext) => Reading<T> | Promise<Reading<T>>,
): Promise<Asked<T>> {
  const again = conversation.checkpoint();
  await put(ctx);
  return { ...(await answer(conversation, read, put)), again };
}

/**
 * A question answered by one of `actions`' buttons (its "back" among them): the value `pick` reads
 * from the pressed one, or "back"; its buttons are taken away once it is answered.
 */
export async function choice<A extends Actions & { back: unknown }, T>(
  conversation: BotConversation,
  ctx: ConvContext,
  put: (ctx: ConvContext) => Promise<unknown>,
  actions: A,
  pick: (pressed: Pressed<A>) => T | undefined,
): Promise<Asked<T>> {
  const chosen = await ask<T>(conversation, ctx, put, (at) => {
    if (!at.callbackQuery) return { refuse: at.t("answer.use_buttons") };
    const pressed = whichOf(actions, at.callbackQuery.data);
    if (pressed?.action === "back") return { back: true };
    const value = pressed ? pick(pressed) : undefined;
    return value === undefined ? staleButton(at) : { value };
  });
  if (!chosen.back) await chosen.ctx.editMessageReplyMarkup().catch(() => undefined);
  return chosen;
}

/** A button that is not this question's: the latest message's buttons are the ones that work. */
export const staleButton = (ctx: ConvContext): Reading<never> =>
  ctx.callbackQuery ? { refuse: ctx.t("answer.use_latest_buttons") } : { refuse: ctx.t("answer.use_buttons") };

interface StoredError {
  notAllowed?: true;
  message: string;
}

/** `conversation.external` whose NotAllowedError comes back a NotAllowedError when the conversation is replayed. */
export function outside<R>(conversation: BotConversation, task: (ctx: BotContext) => R | Promise<R>): Promise<R> {
  return conversation.external<R>({
    task,
    beforeStoreError: (error): StoredError =>
      error instanceof NotAllowedError
        ? { notAllowed: true, message: error.message }
        : { message: error instanceof Error ? error.message : String(error) },
    afterLoadError: (stored) => {
      const { notAllowed, message } = stored as StoredError;
      return notAllowed ? new NotAllowedError() : new Error(message);
    },
  });
}

/** The bot's clock, read once and replayed (conversation.now() would read Date.now, not deps.now). */
export const now = async (conversation: BotConversation): Promise<Date> =>
  new Date(await outside(conversation, (ctx) => ctx.deps.now().getTime()));
