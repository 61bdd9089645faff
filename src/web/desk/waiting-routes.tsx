// The worklist of referrals without an outcome (waiting-view.tsx).
import { Hono } from "hono";
import { type DeskDeps, type DeskEnv, staffOf } from "./context.js";
import { WaitingPage } from "./waiting-view.js";

export function waitingRoutes(deps: DeskDeps) {
  return new Hono<DeskEnv>().get("/waiting", async (c) => {
    const { userId, view } = staffOf(c);
    const referrals = await deps.services.staff.referralsWithoutOutcome(userId, deps.now());
    return c.html(<WaitingPage view={view} referrals={referrals} />);
  });
}
