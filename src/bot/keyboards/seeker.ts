// The job seeker's keyboards: a project's open positions, "my applications", the profile.
import { InlineKeyboard } from "grammy";
import { applicationsData } from "../callback-data/applications.js";
import { EDIT_FIELDS, profileData } from "../callback-data/profile.js";
import { projectsData } from "../callback-data/projects.js";
import { formatNumber, localName, type Named } from "../../presentation/format.js";
import type { Lang, Translate } from "../../presentation/i18n.js";
import { addPager } from "../paging.js";

/** The positions with places left, each with its wage; back to the project's card. */
export function positionsKeyboard(
  t: Translate,
  lang: Lang,
  projectId: number,
  positions: Array<{ id: number; count: number; taken: number; monthlyWage: number; profession: Named }>,
) {
  const keyboard = new InlineKeyboard();
  for (const position of positions) {
    if (position.count - position.taken > 0)
      keyboard
        .text(
          `${localName(lang, position.profession)} · ${formatNumber(position.monthlyWage, lang)} ₸`,
          applicationsData.position(position.id),
        )
        .row();
  }
  return keyboard.text(t("menu.back"), projectsData.card(projectId, "-"));
}

/** "Withdraw" for each application still waiting, and the pages. */
export function myApplicationsKeyboard(
  t: Translate,
  page: { items: Array<{ id: number; number: string; status: string }>; page: number; pages: number },
) {
  const keyboard = new InlineKeyboard();
  for (const a of page.items)
    if (a.status === "submitted")
      keyboard.text(t("applications:withdraw", { number: a.number }), applicationsData.withdraw(a.id)).row();
  return addPager(keyboard, page, (n) => applicationsData.mine(n));
}

/** Each field to change, two to a row; the subscription switch; delete my data. */
export function profileKeyboard(t: Translate, subscribed: boolean) {
  const keyboard = new InlineKeyboard();
  EDIT_FIELDS.forEach((field, i) => {
    keyboard.text(t(`seeker:edit.field.${field}`), profileData.edit(field));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard
    .row()
    .text(
      t(subscribed ? "seeker:subscription.turn_off" : "seeker:subscription.turn_on"),
      profileData.subscription(!subscribed),
    )
    .row()
    .text(t("seeker:profile.delete"), profileData.delete());
}
