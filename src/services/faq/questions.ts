// The questions people typed: each kept (with the entry it got, if any) so that admins can see
// what the knowledge base does not answer yet, the most frequent first.
import { Prisma } from "../../generated/prisma/client.js";
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
export async function recordQuestion(store: Store, input: { userId: number; text: string; language: string; entryId: string | null }): Promise<number> {
  const row = await store.db.faqQuestion.create({ data: { ...input, text: redactPersonalNumbers(input.text.trim()).slice(0, STORED_LENGTH) } });
  return row.id;
}

/** "This did not help": only for the person's own question; false when it is not theirs. */
export async function markUnhelpful(store: Store, userId: number, questionId: number): Promise<boolean> {
  const { count } = await store.db.faqQuestion.updateMany({ where: { id: questionId, userId }, data: { helpful: false } });
  return count === 1;
}

export interface UnansweredQuestion {
  text: string;
  count: number;
}

/** Questions without an answer or marked unhelpful, grouped by their text (case and spaces aside), most asked first. */
export function unansweredQuestions(store: Store, limit = 20): Promise<UnansweredQuestion[]> {
  return store.rows<UnansweredQuestion>(Prisma.sql`
    select min(text) as text, count(*)::int as count
    from "FaqQuestion"
    where "entryId" is null or helpful = false
    group by lower(regexp_replace(trim(text), '\\s+', ' ', 'g'))
    order by count(*) desc, max("createdAt") desc
    limit ${limit}`);
}
