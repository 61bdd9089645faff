// A project moves forward one step at a time: planned → in progress → completed → commissioned.
export const PROJECT_STATUSES = ["planned", "in_progress", "completed", "commissioned"] as const;
export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];

/** Open for applications: planned or in progress. */
export const isOpenStatus = (status: ProjectStatusName) => status === "planned" || status === "in_progress";

/** The status a project may go to next; null once commissioned. */
export function nextStatus(status: ProjectStatusName): ProjectStatusName | null {
  return PROJECT_STATUSES[PROJECT_STATUSES.indexOf(status) + 1] ?? null;
}
