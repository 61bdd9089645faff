/** Conversation state is kept in the Session table under "conversation:<chat id>". */
export const CONVERSATION_PREFIX = "conversation";
