// The answers to questions: open an entry, or say that this did not help (callback.ts).
import { z } from "zod";
import { callback, type Field } from "./callback.js";

const entryId: Field<string> = { read: z.string().regex(/^[a-z0-9_]{2,40}$/), largest: "x".repeat(40) };
const questionId: Field<number> = {
  read: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number),
  largest: "9999999999",
};

export const faqCallbacks = {
  entry: callback("faq:e", { entryId }),
  notHelpful: callback("faq:no", { questionId }),
};

export const faqData = {
  entry: (entryId: string) => faqCallbacks.entry.pack({ entryId }),
  notHelpful: (questionId: number) => faqCallbacks.notHelpful.pack({ questionId }),
};
