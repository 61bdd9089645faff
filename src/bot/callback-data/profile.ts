import { z } from "zod";
import { colonSeparated } from "./codec.js";

// seek:edit:<field> — change one field of "My profile" (the registration questions of that field)
export const EDIT_FIELDS = ["name", "iin", "phone", "status", "place", "professions", "relocate"] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

const parse = colonSeparated(z.tuple([z.literal("seek"), z.literal("edit"), z.enum(EDIT_FIELDS)]));

export const parseEditField = (data: string | undefined): EditField | null => parse(data)?.[2] ?? null;
