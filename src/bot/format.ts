import type { Lang } from "./i18n.js";

/** A record's name in the person's language. */
export const localName = (lang: Lang, o: { nameKk: string; nameRu: string }) => (lang === "kk" ? o.nameKk : o.nameRu);

const LOCALES: Record<Lang, string> = { kk: "kk-KZ", ru: "ru-RU" };

/** 204190000 → "204 190 000" with the digit grouping of the language. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** Tiyn → "86 066,43" (always two decimals). */
export function formatMoney(tiyn: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(tiyn / 100);
}

/** 2021-04-01 → "01.04.2021", as dates are written in Kazakhstan. */
export const formatDate = (day: Date) => day.toISOString().slice(0, 10).split("-").reverse().join(".");
