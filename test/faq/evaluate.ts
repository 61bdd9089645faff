// Accuracy of the question answering on the evaluation set: top-1 and top-3 over the questions
// that have an answer, and how often an off-topic question got no answer.
import type { FaqIndex } from "../../src/services/faq/faq-index.js";
import { detectLanguage } from "../../src/services/faq/text.js";
import type { EvalQuestion } from "./questions.js";

export interface EvalResult {
  answerable: number;
  top1: number;
  top3: number;
  offTopic: number;
  offTopicUnanswered: number;
  languageRight: number;
  misses: Array<{ text: string; expected: string | null; got: string | null; score: number }>;
}

export function evaluate(index: FaqIndex, questions: EvalQuestion[]): EvalResult {
  const result: EvalResult = {
    answerable: 0,
    top1: 0,
    top3: 0,
    offTopic: 0,
    offTopicUnanswered: 0,
    languageRight: 0,
    misses: [],
  };
  for (const q of questions) {
    const answer = index.search(q.text);
    const ranked = index.rank(q.text);
    if (detectLanguage(q.text) === q.lang) result.languageRight++;
    if (q.expected === null) {
      result.offTopic++;
      if (!answer) result.offTopicUnanswered++;
      else result.misses.push({ text: q.text, expected: null, got: answer.entry.id, score: answer.score });
      continue;
    }
    result.answerable++;
    if (answer?.entry.id === q.expected) result.top1++;
    else
      result.misses.push({
        text: q.text,
        expected: q.expected,
        got: answer?.entry.id ?? null,
        score: ranked[0]?.score ?? 0,
      });
    if (answer && ranked.slice(0, 3).some((r) => r.entry.id === q.expected)) result.top3++;
  }
  return result;
}

export const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
