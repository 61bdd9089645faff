// Writes the replayed history (history.ts): the applications in the order they were made, their
// events, the referral numbers of each region and year with its counter, the places taken.
import type { Prisma } from "../../generated/prisma/client.js";
import type { HistoryApplication } from "./history.js";

const CHUNK = 20_000;
/** A timestamp as the columns hold it: UTC, without a zone (as Prisma writes them). */
const stamp = (date: Date | null) => (date ? date.toISOString().replace("T", " ").replace("Z", "") : null);
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const pad = (n: number) => String(n).padStart(6, "0");

export async function insertHistory(tx: Prisma.TransactionClient, applications: HistoryApplication[], regionIds: Map<string, number>): Promise<number> {
  const ordered = [...applications].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.projectId - b.projectId);
  // Referral numbers in the order referrals were made, per region and year, as the staff action numbers them.
  const counters = new Map<string, number>();
  const referralNumbers = new Map<HistoryApplication, string>();
  for (const application of [...ordered].filter((a) => a.referredAt).sort((a, b) => a.referredAt!.getTime() - b.referredAt!.getTime())) {
    const key = `${application.regionCode}-${application.referredAt!.getUTCFullYear()}`;
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    referralNumbers.set(application, `${key}-${pad(next)}`);
  }

  // The Position_taken trigger counts row by row: off for the bulk load, the counts recomputed after it.
  await tx.$executeRawUnsafe(`alter table "Application" disable trigger "Application_taken"`);
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    const ids = chunk.map((_, i) => start + i + 1);
    await tx.$executeRaw`
      insert into "Application" (id, number, "projectId", "positionId", status, "priorityGroup", "homeDistrictId", "isYouth", "isNeet", "isStudent",
        "submittedAt", "updatedAt", "referralNumber", "referredAt", "rejectReason", "contractDate", wage, "hiredAt")
      select id, 'Z-' || extract(year from submitted)::int || '-' || lpad(id::text, 6, '0'), project, position, status::"ApplicationStatus", priority, district,
        youth, neet, student, submitted, closed, referral, referred, reason::"RejectReason", contract, wage, hired
      from unnest(${ids}::int[], ${chunk.map((a) => a.projectId)}::int[], ${chunk.map((a) => a.positionId)}::int[], ${chunk.map((a) => a.status)}::text[],
        ${chunk.map((a) => a.priorityGroup)}::int[], ${chunk.map((a) => a.districtId)}::int[], ${chunk.map((a) => a.isYouth)}::bool[],
        ${chunk.map((a) => a.isNeet)}::bool[], ${chunk.map((a) => a.isStudent)}::bool[], ${chunk.map((a) => stamp(a.submittedAt))}::timestamp[],
        ${chunk.map((a) => stamp(a.closedAt))}::timestamp[], ${chunk.map((a) => referralNumbers.get(a) ?? null)}::text[],
        ${chunk.map((a) => stamp(a.referredAt))}::timestamp[], ${chunk.map((a) => a.rejectReason)}::text[], ${chunk.map((a) => day(a.contractDate))}::date[],
        ${chunk.map((a) => a.wage)}::int[], ${chunk.map((a) => stamp(a.hiredAt))}::timestamp[])
        as h(id, project, position, status, priority, district, youth, neet, student, submitted, closed, referral, referred, reason, contract, wage, hired)`;
  }
  await tx.$executeRawUnsafe(`alter table "Application" enable trigger "Application_taken"`);
  await tx.$executeRaw`
    update "Position" s set taken = t.taken
    from (select "positionId", count(*)::int as taken from "Application" where status in ('referred', 'hired') group by 1) t
    where t."positionId" = s.id`;
  await tx.$executeRawUnsafe(`select setval(pg_get_serial_sequence('"Application"', 'id'), greatest((select max(id) from "Application"), 1))`);
  await tx.$executeRaw`
    insert into "ApplicationEvent" ("applicationId", status, at, note)
    select id, 'submitted'::"ApplicationStatus", "submittedAt", null from "Application"
    union all select id, 'referred'::"ApplicationStatus", "referredAt", null from "Application" where "referredAt" is not null
    union all select id, status, "updatedAt", "rejectReason"::text from "Application" where status <> 'submitted' and status <> 'referred'`;
  for (const [key, last] of counters) {
    const [code, year] = key.split("-");
    await tx.$executeRaw`insert into "ReferralCounter" ("regionId", year, last) values (${regionIds.get(code!)!}, ${Number(year)}, ${last})`;
  }
  return ordered.length;
}
