import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

// PostgreSQL stores no NUL character in text or jsonb, and jsonb no lone half of a surrogate pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanString(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return cleanString(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = clean(value[i]);
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) (value as Record<string, unknown>)[key] = clean(inner);
  }
  return value;
}

/**
 * Every string of the update made storable before anything reads it (sessions and conversations
 * keep whole updates): a NUL is dropped, a broken surrogate becomes U+FFFD.
 */
export function cleanUpdate(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    clean(ctx.update);
    return next();
  };
}
