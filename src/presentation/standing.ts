import type { SeekerStanding } from "../domain/person.js";
import type { Translate } from "./i18n.js";

/** The flags the rules give a person (NEET youth, student), as words; empty when none. */
export const standingFlags = (t: Translate, standing: SeekerStanding) =>
  [standing.neet && t("seeker:profile.neet"), standing.student && t("seeker:profile.student")]
    .filter(Boolean)
    .join(", ");
