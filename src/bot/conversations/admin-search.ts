// An admin finds a centre by a part of its name: the text is asked, then the first page of the
// centres found is shown (its pages are buttons of the admin section, outside the conversation).
import { oneButton } from "../keyboards/common.js";
import { adminData, searchTextOf } from "../callback-data/admin.js";
import type { BotConversation, ConvContext } from "../context.js";
import { showCentreSearch } from "../features/admin-centres.js";

export const ADMIN_SEARCH_CONVERSATION = "admin-search";

/** Fewer characters would list nearly every centre. */
const MIN_SEARCH_CHARACTERS = 2;

export async function adminSearchConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  await ctx.reply(ctx.t("admin:search.ask"), { reply_markup: oneButton(ctx.t("menu.back"), adminData.home()) });
  for (;;) {
    const answer = await conversation.wait();
    const text = answer.message?.text === undefined ? null : searchTextOf(answer.message.text);
    if (text === null || [...text].length < MIN_SEARCH_CHARACTERS) {
      if (answer.callbackQuery) await answer.answerCallbackQuery({ text: answer.t("admin:search.ask") });
      else await answer.reply(answer.t("admin:search.too_short", { count: MIN_SEARCH_CHARACTERS }));
      continue;
    }
    await conversation.external((outside) =>
      showCentreSearch(outside, (body, markup) => outside.reply(body, { reply_markup: markup }), text, 1),
    );
    return;
  }
}
