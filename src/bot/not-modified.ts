// Telegram answers 400 "message is not modified" to an edit that would change nothing (a button of
// the screen already shown, pressed twice). The person sees what they asked for: a success.
import type { Transformer } from "grammy";

const NOT_MODIFIED = /message is not modified/i;

export const notModifiedIsSuccess: Transformer = async (previous, method, payload, signal) => {
  const result = await previous(method, payload, signal);
  if (!result.ok && result.error_code === 400 && NOT_MODIFIED.test(result.description) && method.startsWith("edit")) {
    return { ok: true, result: true as never };
  }
  return result;
};
