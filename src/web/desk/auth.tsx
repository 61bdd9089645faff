// Who a desk request is from, checked anew on every request to /app/…: Telegram's initData (its
// signature and age) or a download link signed for one file, then the staff role. Acting (every
// POST, showing an IIN among them) needs a desk opened within the hour.
import type { MiddlewareHandler } from "hono";
import { guessLang, type Lang } from "../../presentation/i18n.js";
import { INIT_DATA_ACT_MAX_AGE_SECONDS, userOfInitData } from "../init-data.js";
import type { DeskDeps, DeskEnv } from "./context.js";
import { DOWNLOADABLE, userOfDownload } from "./download-link.js";
import type { View } from "./page.js";

/** The first of Kazakh and Russian the browser asks for (Accept-Language, in its order), if any. */
function browserLang(header: string | undefined): Lang | undefined {
  const tags = (header ?? "").split(",").map((part) => part.trim().split(";")[0]!.toLowerCase());
  return tags.map((tag) => tag.split("-")[0]).find((tag): tag is Lang => tag === "kk" || tag === "ru");
}

export function deskAuth(deps: DeskDeps): MiddlewareHandler<DeskEnv> {
  const bilingual = (key: string) => (["kk", "ru"] as const).map((lang) => deps.i18n.getFixedT(lang)(key)).join(" / ");
  /** The file a request opens under /app/, when it is one of the desk's files. */
  const fileOf = (path: string) => DOWNLOADABLE.find((file) => path === `${deps.base}/app/${file}`);

  return async (c, next) => {
    const header = c.req.header("authorization");
    const file = c.req.method === "GET" ? fileOf(c.req.path) : undefined;
    const link = file && !header ? c.req.query("link") : undefined;
    const params = new URL(c.req.url).searchParams;
    const linked = link ? userOfDownload(deps.botToken, link, file!, params, deps.now()) : null;
    const signed = linked
      ? null
      : userOfInitData(header?.startsWith("tma ") ? header.slice(4) : undefined, deps.botToken, deps.now());
    const user = linked ? { id: linked, language_code: undefined } : signed?.user;
    if (!user) {
      // Nobody we can tell: the browser's language, or both.
      const lang = browserLang(c.req.header("accept-language"));
      const say = (key: string) => (lang ? deps.i18n.getFixedT(lang)(key) : bilingual(key));
      return c.html(
        <p role="alert" data-title={say("desk:title")} data-lang={lang}>
          {say("desk:errors.unauthorized")}
        </p>,
        401,
      );
    }
    const account = await deps.services.staff.deskAccount(user.id);
    const lang: Lang = account?.language ?? guessLang(user.language_code);
    const view: View = { t: deps.i18n.getFixedT(lang), lang, base: deps.base };
    if (!account?.isStaff)
      return c.html(
        <p role="alert" data-title={view.t("desk:title")} data-lang={lang}>
          {view.t("desk:errors.forbidden")}
        </p>,
        403,
      );
    if (signed && c.req.method !== "GET" && signed.age > INIT_DATA_ACT_MAX_AGE_SECONDS) {
      return c.html(
        <p role="alert" data-title={view.t("desk:title")} data-lang={lang}>
          {view.t("desk:errors.reopen")}
        </p>,
        401,
      );
    }
    c.set("staff", { userId: account.userId, telegramId: user.id, view });
    await next();
  };
}
