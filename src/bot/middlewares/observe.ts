// The chat's metrics: each update counted by kind and outcome with its handling time, and each
// Bot API call by method and answer (src/observability/metrics.ts). Nothing of the person.
import type { ApiClientOptions, MiddlewareFn } from "grammy";
import nodeFetch from "node-fetch";
import { type Metrics, updateKind } from "../../observability/metrics.js";
import type { BotContext } from "../context.js";

/** Inside the error boundary: an error counts the update as "error" and goes on to the boundary. */
export function observeUpdates(metrics: Metrics): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const kind = updateKind(ctx.update);
    const stop = metrics.updateSeconds.startTimer({ kind });
    try {
      await next();
      metrics.updates.inc({ kind, outcome: "ok" });
    } catch (error) {
      metrics.updates.inc({ kind, outcome: "error" });
      throw error;
    } finally {
      stop();
    }
  };
}

/**
 * A Bot API client's fetch that counts each HTTP call by method and answer: given to the bot's
 * and the outbox's clients, and so to the conversations' Api, made from the same options (a
 * transformer there would also see the calls a conversation replays from its log). node-fetch is
 * grammY's own fetch on Node.
 */
export function countingFetch(
  metrics: Metrics,
  base: (url: string, init?: object) => Promise<{ ok: boolean; status: number }> = nodeFetch,
): NonNullable<ApiClientOptions["fetch"]> {
  const counted = async (url: string, init?: object) => {
    const method = String(url).split("/").at(-1)!.split("?")[0]!;
    try {
      const response = await base(url, init);
      const answer = response.ok ? "ok" : response.status === 429 ? "429" : response.status >= 500 ? "5xx" : "4xx";
      metrics.telegramCalls.inc({ method, answer });
      return response;
    } catch (error) {
      metrics.telegramCalls.inc({ method, answer: "network" });
      throw error;
    }
  };
  return counted as unknown as NonNullable<ApiClientOptions["fetch"]>;
}
