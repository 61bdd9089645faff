// Finding the knowledge-base entry a question is about: minisearch over both languages' questions,
// their other phrasings and answers, read through `searchTerm` (folding, transliteration, suffixes),
// with typo tolerance and prefix matching. Below FAQ_MIN_SCORE there is no answer, never a guess.
import MiniSearch from "minisearch";
import { FAQ_ENTRIES, type FaqEntry } from "../../../prisma/data/faq.js";
import { searchTerm } from "./text.js";

/** The bot's policy: a top score under this is "no answer" (chosen on the evaluation set, `npm run eval:faq`). */
/** A button's label in an answer ($t(…), see bot/faq-labels.ts) is no word to search by. */
const LABEL_PLACEHOLDER = /\$t\([^)]*\)/g;

export const FAQ_MIN_SCORE = 30;
/** Related questions: the next entries scoring at least this share of the best. */
const RELATED_SHARE = 0.35;
const RELATED_COUNT = 3;

interface FaqDocument {
  id: string;
  entryId: string;
  q: string;
  alt: string;
  a: string;
}

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
  related: FaqEntry[];
}

export interface FaqIndex {
  /** The best entry and up to three related ones; null under the confidence threshold. */
  search(question: string): FaqMatch | null;
  /** Entries ranked for a question, best first (for the evaluation). */
  rank(question: string): Array<{ entry: FaqEntry; score: number; coverage: number }>;
  entry(id: string): FaqEntry | undefined;
}

/** The search's knobs; the defaults were chosen on the evaluation set (`npm run eval:faq`). */
export interface SearchTuning {
  answerBoost: number;
  /** Terms at least this long match longer words starting with them. */
  prefixFrom: number;
  /** Share of a term's letters that may be mistyped. */
  fuzzy: number;
}

export const DEFAULT_TUNING: SearchTuning = { answerBoost: 0.6, prefixFrom: 4, fuzzy: 0.25 };

export function createFaqIndex(entries: FaqEntry[] = FAQ_ENTRIES, tuning: SearchTuning = DEFAULT_TUNING): FaqIndex {
  const index = new MiniSearch<FaqDocument>({
    fields: ["q", "alt", "a"],
    storeFields: ["entryId"],
    processTerm: (term) => searchTerm(term) ?? false,
    searchOptions: {
      boost: { q: 3, alt: 2, a: tuning.answerBoost },
      fuzzy: (term) => (term.length >= 5 ? tuning.fuzzy : false),
      prefix: (term) => term.length >= tuning.prefixFrom,
      combineWith: "OR",
    },
  });
  index.addAll(
    entries.flatMap((entry) =>
      (["kk", "ru"] as const).map((lang) => ({
        id: `${entry.id}:${lang}`,
        entryId: entry.id,
        q: entry[lang].q,
        alt: entry[lang].alt.join("\n"),
        a: entry[lang].a.replace(LABEL_PLACEHOLDER, " "),
      })),
    ),
  );
  const byId = new Map(entries.map((entry) => [entry.id, entry]));

  const rank = (question: string) => {
    const text = question.slice(0, 500);
    const terms = new Set(
      text
        .split(/[^\p{L}\p{N}]+/u)
        .map(searchTerm)
        .filter((t): t is string => t !== null),
    );
    const best = new Map<string, { score: number; coverage: number }>();
    for (const result of index.search(text)) {
      const id = result.entryId as string;
      if ((best.get(id)?.score ?? 0) >= result.score) continue;
      best.set(id, { score: result.score, coverage: terms.size ? new Set(result.queryTerms).size / terms.size : 0 });
    }
    return [...best].sort((a, b) => b[1].score - a[1].score).map(([id, found]) => ({ entry: byId.get(id)!, ...found }));
  };

  return {
    rank,
    entry: (id) => byId.get(id),
    search(question) {
      const ranked = rank(question);
      const top = ranked[0];
      if (!top || top.score < FAQ_MIN_SCORE) return null;
      const related = ranked
        .slice(1)
        .filter((r) => r.score >= top.score * RELATED_SHARE)
        .slice(0, RELATED_COUNT)
        .map((r) => r.entry);
      return { entry: top.entry, score: top.score, related };
    },
  };
}
