import { observeUpdates } from "./middlewares/observe.js";
import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation, type ConversationData } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type ApiClientOptions } from "grammy";
import { notModifiedIsSuccess } from "./not-modified.js";
import { CONVERSATION_PREFIX } from "./conversation-prefix.js";
import { expiredConversationNotice } from "./middlewares/expired-conversation.js";
import type { UserFromGetMe } from "grammy/types";
import { sessionRowKey } from "../db/prisma-storage.js";
import { inlineFeature } from "./features/inline.js";
import type { BotContext, BotDeps, ConvContext } from "./context.js";
import { CALCULATOR_CONVERSATION, calculatorConversation } from "./conversations/calculator.js";
import { ELIGIBILITY_CONVERSATION, eligibilityConversation } from "./conversations/eligibility.js";
import { LOAN_RECEIVED_CONVERSATION, loanReceivedConversation } from "./conversations/loan-received.js";
import { loansFeature } from "./features/loans.js";
import { obligationsFeature } from "./features/obligations.js";
import { projectsFeature } from "./features/projects.js";
import { profileFeature } from "./features/profile.js";
import { applicationsFeature } from "./features/applications.js";
import { REGISTRATION_CONVERSATION, registrationConversation } from "./conversations/registration.js";
import { commandsFeature } from "./features/commands.js";
import { fallbackFeature } from "./features/fallback.js";
import { faqFeature } from "./features/faq.js";
import { staffFeature } from "./features/staff.js";
import { contractorFeature } from "./features/contractor.js";
import { followUpsFeature } from "./features/follow-ups.js";
import { adminFeature } from "./features/admin.js";
import { reportsFeature } from "./features/reports.js";
import { STAFF_TYPED_CONVERSATION, staffTypedConversation } from "./conversations/staff-typed.js";
import { CENTRE_EDITOR_CONVERSATION, centreEditorConversation } from "./conversations/centre-editor.js";
import { ADMIN_SEARCH_CONVERSATION, adminSearchConversation } from "./conversations/admin-search.js";
import { accountMiddleware } from "./middlewares/account.js";
import { errorBoundary } from "./middlewares/error-boundary.js";
import { groupsAndChannels, privateInput } from "./middlewares/chat-guards.js";
import { cleanUpdate } from "./middlewares/clean-update.js";
import { rateLimit, type RateLimit } from "./middlewares/rate-limit.js";

export interface CreateBotOptions {
  token: string;
  botInfo?: UserFromGetMe;
  client?: ApiClientOptions;
  rateLimit?: RateLimit;
}

export { CONVERSATION_PREFIX };

/** The chat key that sessions, conversations and the runner's sequentialize share. */
export function sessionKey(ctx: { chat?: { id: number }; from?: { id: number } }): string | undefined {
  return (ctx.chat?.id ?? ctx.from?.id)?.toString();
}

export function createBot(deps: BotDeps, options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, { botInfo: options.botInfo, client: options.client });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use(notModifiedIsSuccess);

  // One update at a time per chat, so that a conversation never sees two answers at once.
  bot.use(sequentialize(sessionKey));
  bot.use(errorBoundary(deps));
  if (deps.metrics) bot.use(observeUpdates(deps.metrics));
  bot.use(rateLimit(deps, options.rateLimit));
  bot.use(cleanUpdate());
  bot.use(groupsAndChannels(deps));
  bot.use(inlineFeature(deps));
  const privateChats = bot.chatType("private");
  privateChats.use(accountMiddleware(deps, (ctx) => sessionRowKey(CONVERSATION_PREFIX, sessionKey(ctx)!)));
  privateChats.use(privateInput());
  privateChats.use(expiredConversationNotice());
  privateChats.use(
    conversations<BotContext, ConvContext>({
      storage: {
        type: "context",
        version: 1,
        adapter: deps.services.accounts.conversationStorage<BotContext, ConversationData>(
          CONVERSATION_PREFIX,
          sessionKey,
        ),
      },
      // A conversation's calls go through an Api of its own: it is taught the same.
      plugins: [
        accountMiddleware(deps),
        (ctx, next) => {
          ctx.api.config.use(notModifiedIsSuccess);
          return next();
        },
      ],
    }),
  );
  privateChats.use(commandsFeature());
  privateChats.use(createConversation(eligibilityConversation, ELIGIBILITY_CONVERSATION));
  privateChats.use(createConversation(calculatorConversation, CALCULATOR_CONVERSATION));
  privateChats.use(createConversation(loanReceivedConversation, LOAN_RECEIVED_CONVERSATION));
  privateChats.use(loansFeature());
  privateChats.use(obligationsFeature());
  privateChats.use(createConversation(registrationConversation, REGISTRATION_CONVERSATION));
  privateChats.use(projectsFeature());
  privateChats.use(profileFeature());
  privateChats.use(applicationsFeature());
  privateChats.use(createConversation(staffTypedConversation, STAFF_TYPED_CONVERSATION));
  privateChats.use(createConversation(centreEditorConversation, CENTRE_EDITOR_CONVERSATION));
  privateChats.use(createConversation(adminSearchConversation, ADMIN_SEARCH_CONVERSATION));
  privateChats.use(staffFeature());
  privateChats.use(contractorFeature());
  privateChats.use(followUpsFeature());
  privateChats.use(adminFeature());
  privateChats.use(reportsFeature());
  privateChats.use(faqFeature());
  privateChats.use(fallbackFeature());

  bot.catch((error) =>
    deps.log.error({ err: error.error, update_id: error.ctx.update.update_id }, "unhandled bot error"),
  );
  return bot;
}
