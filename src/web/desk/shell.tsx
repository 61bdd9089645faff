// The desk's page as Telegram opens it: no data (the request carries no initData yet), only the
// frame, the style and the script that asks for the content with the initData.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { i18n } from "i18next";
import { htmlPage } from "../html.js";
import { projectRoot } from "../../project-root.js";

const staticFile = (name: string) => readFileSync(path.join(projectRoot, "src", "web", "static", name), "utf8");
export const DESK_SCRIPT = staticFile("desk.js");
export const DESK_STYLE = staticFile("desk.css");

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
        <link rel="stylesheet" href={`${base}/static/desk.css`} />
        <script src={TELEGRAM_SCRIPT} async></script>
        <script src={`${base}/static/desk.js`} defer></script>
      </head>
      <body>
        <main id="desk">
          <p role="status">{both("desk:loading")}</p>
          <noscript>{both("desk:noscript")}</noscript>
        </main>
      </body>
    </html>,
  );
}
