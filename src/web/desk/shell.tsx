// The desk's page as Telegram opens it: no data (the request carries no initData yet), only the
// frame, the style and the script that asks for the content with the initData.
import { readFileSync } from "node:fs";
import path from "node:path";
import { raw } from "hono/html";
import { projectRoot } from "../../project-root.js";

const staticFile = (name: string) => readFileSync(path.join(projectRoot, "src", "web", "static", name), "utf8");
export const DESK_SCRIPT = staticFile("desk.js");
export const DESK_STYLE = staticFile("desk.css");

/** Telegram's Mini App script: it hands over initData and the theme; the page works without it. */
export const TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js";

export function deskShell(base: string): string {
  const page = (
    <html lang="ru" data-base={base}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Қызметкердің жұмыс үстелі / Рабочий стол сотрудника</title>
        <link rel="stylesheet" href={`${base}/static/desk.css`} />
        <script src={TELEGRAM_SCRIPT} async></script>
        <script src={`${base}/static/desk.js`} defer></script>
      </head>
      <body>
        <main id="desk">
          <p role="status">Жүктелуде… / Загрузка…</p>
          <noscript>Жұмыс үстелі үшін JavaScript қажет. / Для рабочего стола нужен JavaScript.</noscript>
        </main>
      </body>
    </html>
  );
  return `${raw("<!doctype html>")}${page}`;
}
