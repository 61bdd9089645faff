// The frame of every desk fragment: its title and language for the page's script, the sections'
// navigation, an optional status line (what an action did) and the content.
import type { Child } from "hono/jsx";
import type { Lang, Translate } from "../../presentation/i18n.js";

export interface View {
  t: Translate;
  lang: Lang;
  /** The desk's path (WEB_APP_URL's), under which every link of the desk lives. */
  base: string;
}

export type Section = "queue" | "waiting" | "projects" | "report";

export const appLink = (view: View, path: string, query?: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return `${view.base}/app/${path}${search ? `?${search}` : ""}`;
};

export function Page(props: {
  view: View;
  title: string;
  section?: Section;
  notice?: { text: string; failed?: boolean };
  children?: Child;
}) {
  const { view } = props;
  const sections: Section[] = ["queue", "waiting", "projects", "report"];
  return (
    <div class="desk" data-title={`${props.title} — ${view.t("desk:title")}`} data-lang={view.lang}>
      <nav aria-label={view.t("desk:nav.label")}>
        <ul class="tabs">
          {sections.map((section) => (
            <li>
              <a href={appLink(view, section)} aria-current={props.section === section ? "page" : undefined}>
                {view.t(`desk:nav.${section}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 tabindex={-1}>{props.title}</h1>
      {props.notice ? (
        <p class={props.notice.failed ? "notice failed" : "notice"} role={props.notice.failed ? "alert" : "status"}>
          {props.notice.text}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

/** A message in place of a page (refused, not found): still in the person's language, with the sections to go on. */
export const Message = (props: { view: View; title: string; text: string }) => (
  <Page view={props.view} title={props.title}>
    <p role="alert">{props.text}</p>
  </Page>
);
