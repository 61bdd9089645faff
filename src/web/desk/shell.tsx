// The desk's page as Telegram opens it: no data (the request carries no initData yet), only the
// frame, the style and the scripts. The content area is htmx's: it loads the queue, and its links and
// forms are boosted into it (desk.js adds the initData to each request).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { i18n } from "i18next";
import { htmlPage } from "../html.js";
import { projectRoot } from "../../project-root.js";

const staticFile = (name: string) => readFileSync(path.join(projectRoot, "src", "web", "static", name), "utf8");
/** The desk's own files and htmx, served from the bot's origin (the CSP allows no other script host but Telegram's one file). */
export const DESK_FILES: Record<string, { body: string; type: string }> = {
  "desk.js": { body: staticFile("desk.js"), type: "text/javascript" },
  "telegram-theme.js": { body: staticFile("telegram-theme.js"), type: "text/javascript" },
  "desk.css": { body: staticFile("desk.css"), type: "text/css" },
  "htmx.min.js": {
    body: readFileSync(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"), "utf8"),
    type: "text/javascript",
  },
};

/**
 * htmx as the desk needs it: every answer shown (a refusal's page too), no history of its own (a
 * fragment's address cannot be opened alone: desk.js keeps the steps for Telegram's Back button),
 * nothing that the Content-Security-Policy refuses (inline styles, eval).
 */
const HTMX_CONFIG = JSON.stringify({
  historyEnabled: false,
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
  responseHandling: [
    { code: "204", swap: false },
    { code: ".*", swap: true },
  ],
});

/** Telegram's Mini App script: it hands over initData and the theme; the page works without it. */
export const TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js";

/**
 * The page before anyone is known: its few words in both languages (the person's language comes
 * with the first answer), the network error among them for the script.
 */
export function deskShell(base: string, i18n: i18n): string {
  const both = (key: string) => (["kk", "ru"] as const).map((lang) => i18n.getFixedT(lang)(key)).join(" / ");
  return htmlPage(
    <html lang="ru" data-base={base} data-network-error={both("desk:network_error")}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{both("desk:title")}</title>
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="stylesheet" href={`${base}/static/desk.css`} />
        <script src={TELEGRAM_SCRIPT} async></script>
        <script src={`${base}/static/htmx.min.js`} defer></script>
        <script src={`${base}/static/telegram-theme.js`} defer></script>
        <script src={`${base}/static/desk.js`} defer></script>
      </head>
      <body>
        <main id="desk" hx-boost="true" hx-target="#desk" hx-swap="innerHTML" hx-push-url="false">
          <p role="status" hx-get={`${base}/app/queue`} hx-trigger="load">
            {both("desk:loading")}
          </p>
          <noscript>{both("desk:noscript")}</noscript>
        </main>
      </body>
    </html>,
  );
}
