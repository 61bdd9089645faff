// Telegram's limits on a bot's messages (Bot API FAQ, "broadcasting to users"): they are Telegram's,
// not the programme's, and the outbox keeps under them whatever the number of instances.

/** About 30 messages a second in all: the outbox's default keeps a margin under it (OUTBOX_RATE). */
export const TELEGRAM_MESSAGES_PER_SECOND = 30;
export const DEFAULT_OUTBOX_RATE = 25;

/** About one message a second to one chat. */
export const CHAT_MESSAGE_INTERVAL_MS = 1_000;
