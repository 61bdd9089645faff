// What the metrics read of the database when they are scraped: the outbox, pg-boss's queues and
// when each schedule last ran. Plain SQL on tables some of which are pg-boss's own (not in the
// Prisma schema); counts use the outbox's and pg-boss's indexes.
import { Prisma } from "../generated/prisma/client.js";
import type { SqlRunner } from "./store.js";

export async function outboxState(runner: SqlRunner) {
  const [row] = await runner.rows<{
    waiting: number;
    oldest: number | null;
    sent: number;
    given_up: number;
    blocked: number;
  }>(Prisma.sql`
    select
      (select count(*)::int from "Notification" where "sentAt" is null and "failedAt" is null) as waiting,
      (select extract(epoch from now() - min("createdAt"))::float8 from "Notification"
        where "sentAt" is null and "failedAt" is null) as oldest,
      (select count(*)::int from "Notification" where "sentAt" is not null) as sent,
      (select count(*)::int from "Notification" where "failedAt" is not null) as given_up,
      (select count(*)::int from "User" where "blockedAt" is not null) as blocked`);
  return {
    waiting: row!.waiting,
    oldestWaitingSeconds: row!.oldest ?? 0,
    sent: row!.sent,
    givenUp: row!.given_up,
    blocked: row!.blocked,
  };
}

/** pg-boss's jobs by queue and state (none before pg-boss made its schema). */
export async function jobQueues(runner: SqlRunner) {
  const [exists] = await runner.rows<{ found: boolean }>(
    Prisma.sql`select to_regclass('pgboss.job') is not null as found`,
  );
  if (!exists?.found) return [];
  return runner.rows<{ queue: string; state: string; count: number }>(
    Prisma.sql`select name as queue, state::text as state, count(*)::int as count from pgboss.job group by name, state`,
  );
}

/** When each scheduled queue last had a job, from the live jobs and the archive. */
export async function scheduleRuns(runner: SqlRunner) {
  const [exists] = await runner.rows<{ found: boolean }>(
    Prisma.sql`select to_regclass('pgboss.schedule') is not null and to_regclass('pgboss.archive') is not null as found`,
  );
  if (!exists?.found) return [];
  return runner.rows<{ queue: string; lastRunSeconds: number }>(Prisma.sql`
    select s.name as queue, extract(epoch from max(j.created_on))::float8 as "lastRunSeconds"
    from pgboss.schedule s
    join (select name, created_on from pgboss.job union all select name, created_on from pgboss.archive) j
      on j.name = s.name
    group by s.name`);
}
