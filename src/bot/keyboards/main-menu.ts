import { Keyboard } from "grammy";
import type { i18n } from "i18next";
import type { Account } from "../../services/users.js";
import { LANGUAGES, type Translate } from "../../presentation/i18n.js";

export const MENU_ITEMS = ["jobs", "loans", "faq", "language", "help", "staff", "contractor", "admin"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** The main menu as a persistent reply keyboard; staff and admin entries only for those roles. */
export function mainMenuKeyboard(t: Translate, account: Account | null): Keyboard {
  const keyboard = new Keyboard().text(t("menu.jobs")).row().text(t("menu.loans")).row().text(t("menu.faq")).row();
  if (account?.isStaff) keyboard.text(t("menu.staff")).row();
  if (account?.isContractor) keyboard.text(t("menu.contractor")).row();
  if (account?.isAdmin) keyboard.text(t("menu.admin")).row();
  return keyboard.text(t("menu.language")).text(t("menu.help")).resized().persistent();
}

/** Which menu entry a text is, in either language (the keyboard may be from before a switch). */
export function menuItemOf(text: string, i18n: i18n): MenuItem | undefined {
  return MENU_ITEMS.find((item) => LANGUAGES.some((lang) => i18n.getFixedT(lang)(`menu.${item}`) === text));
}
