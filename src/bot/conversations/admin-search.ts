// An admin finds a centre by a part of its name: the text is asked, then the first page of the
// centres found is shown (its pages are buttons of the admin section, outside the conversation).
import { oneButton } from "../keyboards/common.js";
import { adminData, searchTextOf } from "../callback-data/admin.js";
import type { BotConversation, ConvContext } from "../context.js";
import { showCentreSearch } from "../features/admin-centres.js";
import { answer, outside } from "./answer.js";

export const ADMIN_SEARCH_CONVERSATION = "admin-search";

/** Fewer characters would list nearly every centre. */
const MIN_SEARCH_CHARACTERS = 2;

export async function adminSearchConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  await ctx.reply(ctx.t("admin:search.ask"), { reply_markup: oneButton(ctx.t("menu.back"), adminData.home()) });
  const search = await answer<string>(conversation, (at) => {
    if (at.callbackQuery) return { refuse: at.t("admin:search.ask") };
    const text = at.message?.text === undefined ? null : searchTextOf(at.message.text);
    return text === null || [...text].length < MIN_SEARCH_CHARACTERS
      ? { refuse: at.t("admin:search.too_short", { count: MIN_SEARCH_CHARACTERS }) }
      : { value: text };
  });
  if (search.back) return;
  const text = search.value;
  await outside(conversation, (at) =>
    showCentreSearch(at, (body, markup) => at.reply(body, { reply_markup: markup }), text, 1),
  );
}
