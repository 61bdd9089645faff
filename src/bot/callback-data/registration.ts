import { z } from "zod";
import { colonSeparated } from "./codec.js";
import { SEEKER_STATUSES } from "../../domain/person.js";

// reg:<back|yes|no|list|done|any|claim> | reg:status:<s> | reg:region:<id> | reg:district:<id> | reg:prof:<id> | reg:page:<n>
const id = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
export const parseRegistrationCallback = colonSeparated(
  z.union([
    z.tuple([z.literal("reg"), z.enum(["back", "yes", "no", "list", "done", "any", "claim"])]),
    z.tuple([z.literal("reg"), z.literal("status"), z.enum(SEEKER_STATUSES)]),
    z.tuple([z.literal("reg"), z.enum(["region", "district", "prof", "page"]), id]),
  ]),
);

