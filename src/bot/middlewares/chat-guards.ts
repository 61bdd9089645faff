// What the bot takes in: private chats only, and there only messages and button presses.
import { Composer, type MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { LANGUAGES } from "../../presentation/i18n.js";

/** Telegram's own limit of a text message: anything longer was not typed in a Telegram app. */
export const MAX_TEXT_LENGTH = 4096;
/** Group chats already told; the bot leaves them, so this stays small. */
const TOLD_GROUPS_LIMIT = 10_000;

/**
 * A group the bot is added to gets one polite message in both languages, and the bot leaves it;
 * a channel is left without a word; channel posts and edits are ignored.
 */
export function groupsAndChannels(deps: BotDeps): Composer<BotContext> {
  const guard = new Composer<BotContext>();
  const told = new Set<number>();
  const groups = guard.chatType(["group", "supergroup"]);
  groups.on(["message", "my_chat_member", "callback_query"], async (ctx) => {
    const member = ctx.myChatMember?.new_chat_member.status;
    if (member === "left" || member === "kicked" || told.has(ctx.chat.id)) return;
    if (told.size >= TOLD_GROUPS_LIMIT) told.clear();
    told.add(ctx.chat.id);
    const link = `https://t.me/${ctx.me.username}`;
    const text = LANGUAGES.map((lang) => deps.i18n.getFixedT(lang)("groups.private_only", { link })).join("\n\n");
    await ctx.reply(text).catch((error) => ctx.log.warn({ err: error }, "could not write to a group"));
    await ctx.leaveChat().catch((error) => ctx.log.warn({ err: error }, "could not leave a group"));
  });
  guard
    .chatType("channel")
    .on("my_chat_member", (ctx) =>
      ctx.myChatMember.new_chat_member.status === "left" ? undefined : ctx.leaveChat().catch(() => undefined),
    );
  return guard;
}

/** In a private chat, only new messages and button presses go on; a text no app could send is refused. */
export function privateInput(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!ctx.message && !ctx.callbackQuery) return; // edits, reactions, membership changes: nothing to answer
    if ((ctx.message?.text?.length ?? 0) > MAX_TEXT_LENGTH)
      return void (await ctx.reply(ctx.t("errors.too_long", { max: MAX_TEXT_LENGTH })));
    await next();
  };
}
