// The queue page: the applications of the staff member's districts, filtered, sorted and paged.
import { Hono } from "hono";
import { z } from "zod";
import { APPLICATION_STATUSES, DESK_DEFAULT_STATUS, DESK_SORTS, type DeskFilter } from "../../services/desk/queue.js";
import { type DeskDeps, type DeskEnv, id, isoDay, optional, staffOf, valid } from "./context.js";
import { QueuePage, SEARCH_MAX_LENGTH } from "./queue-view.js";

export const queueQuery = z.object({
  status: optional(z.enum([...APPLICATION_STATUSES, "all"])),
  project: optional(id),
  priority: optional(z.literal("1")),
  attention: optional(z.literal("1")),
  from: optional(isoDay),
  to: optional(isoDay),
  q: optional(z.string().trim().max(SEARCH_MAX_LENGTH)),
  sort: optional(z.enum(DESK_SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});

/** The filter a query asks for. Opened without one, the desk shows what needs doing: the applications waiting for a decision, in the queue's order. */
export function filterOf(q: z.infer<typeof queueQuery>): DeskFilter {
  return {
    status: q.status === "all" ? undefined : (q.status ?? DESK_DEFAULT_STATUS),
    projectId: q.project,
    priorityOnly: q.priority === "1",
    attention: q.attention === "1",
    from: q.from,
    to: q.to,
    text: q.q || undefined,
    sort: q.sort ?? "queue",
    descending: q.dir === "desc",
  };
}

export function queueRoutes({ services }: DeskDeps) {
  return new Hono<DeskEnv>().get("/queue", valid("query", queueQuery), async (c) => {
    const { userId, view } = staffOf(c);
    const query = c.req.valid("query");
    const filter = filterOf(query);
    const [data, projects] = await Promise.all([
      services.staff.deskQueue(userId, filter, query.page ?? 1),
      services.staff.deskProjectChoices(userId),
    ]);
    return c.html(<QueuePage view={view} filter={filter} data={data} projects={projects} />);
  });
}
