import type { Lang } from "./i18n.js";

/** A record's name in the person's language. */
/** Anything with a name in both languages. */
export type Named = { nameKk: string; nameRu: string };

export const localName = (lang: Lang, o: Named) => (lang === "kk" ? o.nameKk : o.nameRu);

const LOCALES: Record<Lang, string> = { kk: "kk-KZ", ru: "ru-RU" };

// Made once: building an Intl.NumberFormat costs far more than formatting with it.
const NUMBER = {
  kk: new Intl.NumberFormat(LOCALES.kk, { maximumFractionDigits: 2 }),
  ru: new Intl.NumberFormat(LOCALES.ru, { maximumFractionDigits: 2 }),
};
const MONEY_OPTIONS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const MONEY = {
  kk: new Intl.NumberFormat(LOCALES.kk, MONEY_OPTIONS),
  ru: new Intl.NumberFormat(LOCALES.ru, MONEY_OPTIONS),
};

/** 204190000 → "204 190 000" with the digit grouping of the language. */
export const formatNumber = (value: number, lang: Lang): string => NUMBER[lang].format(value);

/** Tiyn → "86 066,43" (always two decimals). */
export const formatMoney = (tiyn: number, lang: Lang): string => MONEY[lang].format(tiyn / 100);

/** 2021-04-01 → "01.04.2021", as dates are written in Kazakhstan. */
export const formatDate = (day: Date) => day.toISOString().slice(0, 10).split("-").reverse().join(".");

/** Kazakhstan's time zone: every moment shown to a person is in it, not in UTC. */
export const KAZAKHSTAN_TIME_ZONE = "Asia/Almaty";

const MOMENT = new Intl.DateTimeFormat("en-GB", {
  timeZone: KAZAKHSTAN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment → "01.04.2021 14:05", in Kazakhstan's time. */
export function formatDateTime(moment: Date): string {
  const part = Object.fromEntries(MOMENT.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}`;
}
