// The staff desk: a Telegram Mini App under WEB_APP_URL's path. The page itself (the shell) holds
// no data; htmx asks /app/… for HTML fragments with Telegram's initData (desk.js). Each request is
// checked anew (auth.tsx): the signature and age of the initData, the staff role; each page's routes
// check the reach of every application and project through the same services as the chat.
import { Hono } from "hono";
import { applicantRoutes } from "./applicant-routes.js";
import { deskAuth } from "./auth.js";
import type { DeskDeps, DeskEnv } from "./context.js";
import { deskErrors } from "./errors.js";
import { fileRoutes } from "./file-routes.js";
import { Message } from "./page.js";
import { projectRoutes } from "./project-routes.js";
import { queueRoutes } from "./queue-routes.js";
import { reportRoutes } from "./report-routes.js";
import { waitingRoutes } from "./waiting-routes.js";
import { DESK_FILES, deskShell } from "./shell.js";

export type { DeskDeps } from "./context.js";

export function deskRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const desk = new Hono<DeskEnv>();
  desk.get("/", (c) => c.html(deskShell(deps.base, deps.i18n)));
  desk.get("/static/:file", (c) => {
    const file = DESK_FILES[c.req.param("file")];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { "content-type": `${file.type}; charset=utf-8`, "cache-control": "no-cache" });
  });

  desk.use("/app/*", deskAuth(deps));
  desk.route("/app", queueRoutes(deps));
  desk.route("/app", applicantRoutes(deps));
  desk.route("/app", projectRoutes(deps));
  desk.route("/app", reportRoutes(deps));
  desk.route("/app", fileRoutes(deps));
  desk.route("/app", waitingRoutes(deps));
  desk.all("/app/*", (c) => {
    const { view } = c.get("staff");
    return c.html(
      <Message view={view} title={view.t("desk:errors.title")} text={view.t("desk:errors.not_found")} />,
      404,
    );
  });
  desk.onError(deskErrors(deps));
  return desk;
}
