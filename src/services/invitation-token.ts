// The one-time links' tokens (start=s<token> for staff, start=c<token> for a contractor's
// representative): 24 random characters, and only their hash stored, so that the database alone
// cannot make a link.
import { createHash, randomBytes } from "node:crypto";

/** 18 random bytes: 24 base64url characters, which fit a start parameter with its letter. */
export const newInvitationToken = () => randomBytes(18).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
