// How a screen is put in front of the person: in place of the message whose button was pressed,
// or as a new message.
import type { InlineKeyboard } from "grammy";
import type { ConvContext } from "./context.js";

export type Show = (text: string, markup?: InlineKeyboard) => Promise<unknown>;

/** Edits the message a button was pressed on; after a typed message, replies. */
export const editOrReply =
  (ctx: ConvContext): Show =>
  (text, markup) =>
    ctx.callbackQuery ? ctx.editMessageText(text, { reply_markup: markup }) : ctx.reply(text, { reply_markup: markup });

/** Always a new message (after an action whose result was already said). */
export const replying =
  (ctx: ConvContext): Show =>
  (text, markup) =>
    ctx.reply(text, { reply_markup: markup });
