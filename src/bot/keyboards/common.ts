// The one-button keyboards of many screens: a way back, or the one thing to do next.
import { InlineKeyboard } from "grammy";

export const oneButton = (label: string, data: string) => new InlineKeyboard().text(label, data);

/** Two choices, one under the other (yes above no). */
export const twoButtons = (first: readonly [string, string], second: readonly [string, string]) =>
  new InlineKeyboard()
    .text(...first)
    .row()
    .text(...second);
