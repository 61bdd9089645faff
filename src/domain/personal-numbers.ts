// People type their IIN or phone into free text (a question to the bot). Such numbers are taken out
// before the text is stored or logged: a run of digits, possibly broken by spaces, dashes, dots or
// brackets, that holds at least PERSONAL_NUMBER_DIGITS digits is an IIN (12) or a phone (10 or 11,
// with +7 or 8). Shorter numbers (a year, an amount, "255 000 jobs") stay.

/** The fewest digits of a number taken for an IIN or a phone. */
export const PERSONAL_NUMBER_DIGITS = 10;

/** What stands in a text where such a number was. */
export const REDACTED_NUMBER = "•••";

const NUMBER_RUN = /\+?\d(?:[\s\-.()]{0,3}\d)+/g;

export function redactPersonalNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) =>
    run.replace(/\D/g, "").length >= PERSONAL_NUMBER_DIGITS ? REDACTED_NUMBER : run,
  );
}
