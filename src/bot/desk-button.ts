// The staff desk (a Mini App at WEB_APP_URL) in the chat: a web_app button in the staff cabinet and
// the chat's menu button, set for staff chats only (setChatMenuButton per chat), taken back when
// the person is no staff member any more.
import type { Api } from "grammy";
import type { ConvContext } from "./context.js";
import type { Logger } from "../logger.js";

/** The desk as this staff member's menu button; a failure is logged, the chat goes on. */
export async function offerDeskMenu(ctx: ConvContext): Promise<void> {
  const url = ctx.deps.webAppUrl;
  if (!url || !ctx.chat) return;
  await ctx.api
    .setChatMenuButton({
      chat_id: ctx.chat.id,
      menu_button: { type: "web_app", text: ctx.t("staff:home.desk_menu"), web_app: { url } },
    })
    .catch((error) => ctx.log.warn({ err: error }, "could not set the desk's menu button"));
}

/** Back to Telegram's default menu button for someone who left the staff. */
export async function withdrawDeskMenu(api: Api, chatId: number, log: Logger): Promise<void> {
  await api
    .setChatMenuButton({ chat_id: chatId, menu_button: { type: "default" } })
    .catch((error) => log.warn({ err: error }, "could not reset a menu button"));
}
