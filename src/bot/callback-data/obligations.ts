// "Done" on a loan obligation's reminder or in the list (callback.ts).
import { OBLIGATION_SERIES, type ObligationSeries } from "../../domain/obligations.js";
import { callback, id, oneOf } from "./callback.js";

export const obligationDone = callback("oblg:done", { obligationId: id, series: oneOf(OBLIGATION_SERIES) });
export const obligationDoneData = (obligationId: number, series: ObligationSeries) =>
  obligationDone.pack({ obligationId, series });
