import type { Metrics } from "../observability/metrics.js";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { i18n } from "i18next";
import type { Services } from "../services/index.js";
import type { ReminderScheduler } from "../services/obligations.js";
import type { Logger } from "../logger.js";
import type { Account, StoredSession } from "../services/users.js";
import type { Lang, Translate } from "../presentation/i18n.js";

export interface BotDeps {
  services: Services;
  i18n: i18n;
  log: Logger;
  adminIds: readonly bigint[];
  now: () => Date;
  reminders: ReminderScheduler;
  /** The staff desk's address (WEB_APP_URL): its button and menu button for staff; none when unset. */
  webAppUrl?: string;
  /** Downloads a file Telegram holds (its file_path from getFile). */
  download: (filePath: string) => Promise<Buffer>;
  /** The process's metrics (none in most tests). */
  metrics?: Metrics;
  /** Whether the demo history is still being loaded (a first start on the embedded database). */
  demoLoading?: () => boolean;
}

/** What every handler, inside a conversation or not, can rely on. */
export interface AppFlavor {
  deps: BotDeps;
  /** The use cases: the one way to the data. */
  services: Services;
  log: Logger;
  /** null for updates without a person (channel posts). */
  account: Account | null;
  lang: Lang;
  t: Translate;
  /** The conversation state read with the account, until the conversations' storage takes it. */
  storedSession?: StoredSession;
}

export type ConvContext = Context & AppFlavor;
export type BotContext = ConversationFlavor<Context & AppFlavor>;
export type BotConversation = Conversation<BotContext, ConvContext>;
