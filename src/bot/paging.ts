// Lists that can grow are shown a page at a time, and a text never passes Telegram's 4096 characters.
import type { InlineKeyboard } from "grammy";
import { NOOP } from "./callback-data/noop.js";

/** Telegram's limit on a message's text, in characters. */
export const MESSAGE_LIMIT = 4096;

export interface Page<T> {
  items: T[];
  /** The page shown: the last one when a later one was asked for. */
  page: number;
  pages: number;
}

export function pageOf<T>(all: readonly T[], requested: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pages);
  return { items: all.slice((page - 1) * size, page * size), page, pages };
}

/** ◀️ x / y ▶️ on a row of its own, when there is more than one page; the middle button does nothing. */
export function addPager(
  keyboard: InlineKeyboard,
  page: { page: number; pages: number },
  data: (page: number) => string,
): InlineKeyboard {
  if (page.pages <= 1) return keyboard;
  keyboard.row();
  if (page.page > 1) keyboard.text("◀️", data(page.page - 1));
  keyboard.text(`${page.page} / ${page.pages}`, NOOP);
  if (page.page < page.pages) keyboard.text("▶️", data(page.page + 1));
  return keyboard.row();
}

/** A text cut to `max` characters, ending in "…" when cut. */
export const shorten = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join("")}…` : text;

/**
 * The head and as many of the lines as fit in one message (joined by `separator`), then `more(n)`
 * for the n lines left out.
 */
export function fitLines(head: string[], lines: string[], more: (count: number) => string, separator = "\n"): string {
  const parts = [...head];
  const length = (items: string[]) => [...items.join(separator)].length;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1;
    const tail = left ? [more(left)] : [];
    if (length([...parts, line, ...tail]) > MESSAGE_LIMIT)
      return [...parts, more(lines.length - index)].join(separator);
    parts.push(line);
  }
  return parts.join(separator);
}
