// Upkeep on pg-boss, every quarter of an hour (pg-boss fires a schedule once across instances):
// conversations left unanswered are dropped, old locations of people who did not register
// forgotten, and job seekers whose referral is three working days old without an outcome asked how
// it went (once each).
import type PgBoss from "pg-boss";
import type { Services } from "../services/index.js";
import type { Logger } from "../logger.js";
import { CONVERSATION_EXPIRY_QUEUE } from "./boss.js";

export async function startMaintenanceJobs(
  boss: PgBoss,
  deps: {
    services: Pick<Services, "upkeep">;
    log: Logger;
    now: () => Date;
    conversationPrefix: string;
  },
): Promise<void> {
  await boss.schedule(CONVERSATION_EXPIRY_QUEUE, "*/15 * * * *");
  await boss.work(CONVERSATION_EXPIRY_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const expired = await deps.services.upkeep.expireConversations(deps.conversationPrefix, deps.now());
    if (expired) deps.log.info({ expired }, "conversations left unanswered dropped");
    const forgotten = await deps.services.upkeep.forgetOldLocations(deps.now());
    if (forgotten) deps.log.info({ forgotten }, "old shared locations forgotten");
    const asked = await deps.services.upkeep.queueFollowUps(deps.now());
    if (asked) deps.log.info({ asked }, "job seekers asked how their referral went");
  });
}
