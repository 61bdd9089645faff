// The questions people typed: each kept (with the entry it got, if any) so that admins can see
// what the knowledge base does not answer yet, the most frequent first.
import { sql } from "kysely";
import { q } from "../../db/typed.js";
import type { Store } from "../../db/store.js";
import { FAQ_ENTRIES } from "../../../prisma/data/faq.js";
import { redactPersonalNumbers } from "../../domain/personal-numbers.js";
import { createFaqIndex, type FaqIndex } from "./faq-index.js";

/** A question is stored up to this length (long texts are cut, never refused). */
const STORED_LENGTH = 500;

let shared: FaqIndex | undefined;
/** The index of the knowledge base, built once per process (about 60 entries: milliseconds). */
export const faqIndex = () => (shared ??= createFaqIndex(FAQ_ENTRIES));

/** Kept without IIN- or phone-shaped numbers (people type them into questions): admins read these. */
export async function recordQuestion(
  store: Store,
  input: { userId: number; text: string; language: string; entryId: string | null },
): Promise<number> {
  const row = await store.db.faqQuestion.create({
    data: { ...input, text: redactPersonalNumbers(input.text.trim()).slice(0, STORED_LENGTH) },
  });
  return row.id;
}

/** "This did not help": only for the person's own question; false when it is not theirs. */
export async function markUnhelpful(store: Store, userId: number, questionId: number): Promise<boolean> {
  const { count } = await store.db.faqQuestion.updateMany({
    where: { id: questionId, userId },
    data: { helpful: false },
  });
  return count === 1;
}

export interface UnansweredQuestion {
  text: string;
  count: number;
}

/** Questions without an answer or marked unhelpful, grouped by their text (case and spaces aside), most asked first. */
export function unansweredQuestions(store: Store, limit = 20): Promise<UnansweredQuestion[]> {
  // regexp_replace and lower, which Kysely has no builder for: a typed fragment.
  const sameText = sql`lower(regexp_replace(trim(text), '\\s+', ' ', 'g'))`;
  return store.all(
    q
      .selectFrom("FaqQuestion")
      .select([sql<string>`min(text)`.as("text"), sql<number>`count(*)::int`.as("count")])
      .where((eb) => eb.or([eb("entryId", "is", null), eb("helpful", "=", false)]))
      .groupBy(sameText)
      .orderBy(sql`count(*)`, "desc")
      .orderBy(sql`max("createdAt")`, "desc")
      .limit(limit),
  );
}
