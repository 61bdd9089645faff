// The FAQ's answers name the bot's buttons as `$t(ns:key)` (with JSON options when the label has
// variables), so that an answer always says the label the person sees, in their language.
import type { Translate } from "../presentation/i18n.js";

export const BUTTON_LABEL = /\$t\(([\w:.]+)(?:,\s*(\{[^)]*\}))?\)/g;

export const withLabels = (t: Translate, text: string) =>
  text.replace(BUTTON_LABEL, (_, key: string, options?: string) =>
    String(t(key, options ? JSON.parse(options) : undefined)),
  );
