// The public progress page rendered by the server on the full history: the country's page in both
// languages and years, a region's page and a project's card, through Hono's in-process requests.
// The first render of a page (the monthly report behind it) is printed apart: pages are then
// served from memory for five minutes.
import pino from "pino";
import { createI18n } from "../src/presentation/i18n.js";
import type { Store } from "../src/db/store.js";
import { createServices } from "../src/services/index.js";
import { createPii } from "../src/services/pii.js";
import { createWebApp } from "../src/web/app.js";
import { latency, timed, type Latency } from "./stats.js";

export async function publicPages(
  store: Store,
  runs = 400,
): Promise<{ firstMs: Record<string, number>; pages: Latency; openDataFirstMs: number }> {
  const { db } = store;
  const services = createServices({
    store,
    pii: createPii(Buffer.alloc(32, 11)),
    outbox: { enqueue: async () => undefined },
  });
  const app = createWebApp({
    services,
    i18n: await createI18n(),
    botToken: "123456:BENCH-public",
    log: pino({ level: "silent" }),
    now: () => new Date(),
    botUsername: "roadmap_bot",
  });
  const region = await db.region.findUniqueOrThrow({ where: { kato: "190000000" } });
  const project = await db.project.findFirstOrThrow({
    where: { district: { regionId: region.id } },
    orderBy: { id: "asc" },
  });
  const paths = [
    "/ru",
    "/kk?year=2021",
    `/ru/region/${region.id}`,
    `/kk/region/${region.id}?year=2021`,
    `/ru/project/${project.id}`,
  ];
  const get = async (path: string) => {
    const response = await app.request(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };
  const firstMs: Record<string, number> = {};
  for (const path of paths) firstMs[path] = Math.round((await timed(() => get(path)))[0]);
  const openDataFirstMs = Math.round((await timed(() => get("/open-data/projects.csv")))[0]);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push((await timed(() => get(paths[i % paths.length]!)))[0]);
  return { firstMs, pages: latency(durations), openDataFirstMs };
}
