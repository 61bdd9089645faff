/** The bot's two languages: Kazakh and Russian. */
export const LANGUAGES = ["kk", "ru"] as const;
export type Lang = (typeof LANGUAGES)[number];
