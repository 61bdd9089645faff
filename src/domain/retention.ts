// How long the bot keeps what people tell it (the bot's own policy, stated in the consent text and
// the README; the programme's monitoring needs counts, not people).

/** A conversation left unanswered is dropped after a day, with everything typed in it. */
export const CONVERSATION_KEPT_HOURS = 24;

/** At most this many IINs an account may try in a day: more would let someone test whose IIN is registered. */
export const IIN_ATTEMPTS_PER_DAY = 5;

/** A location shared for "near me" by someone who did not register is forgotten after this many days. */
export const LOCATION_KEPT_DAYS = 30;
