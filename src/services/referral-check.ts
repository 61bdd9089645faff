// A referral anyone can check: its QR code and link carry the application's id and a signature
// (HMAC with a key derived from the personal-data key), so that numbers cannot be guessed or
// altered. The answer says whether the referral stands, with the person's initials only.
import { timingSafeEqual } from "node:crypto";
import type { Store } from "../db/store.js";
import { q } from "../db/typed.js";
import { initialsOf } from "../domain/person.js";
import type { ApplicationStatus } from "../generated/prisma/enums.js";
import type { Pii } from "./pii.js";

/** Characters of the signature kept: 22 of base64url are 132 bits, and `r<id>_<signature>` fits a 64-character start parameter. */
const SIGNATURE_LENGTH = 22;

/** The code of a referral's check: `r<applicationId>_<signature>`, as start=… and in the public page's address. */
const signatureOf = (pii: Pii, applicationId: number) =>
  pii.sign(`referral:${applicationId}`).slice(0, SIGNATURE_LENGTH);
const CODE = new RegExp(`^r([1-9]\\d{0,9})_([A-Za-z0-9_-]{${SIGNATURE_LENGTH}})$`);

export function referralCode(pii: Pii, applicationId: number): string {
  return `r${applicationId}_${signatureOf(pii, applicationId)}`;
}

/** The application a code names, when its signature is right; null for anything forged or altered. */
export function applicationOfCode(pii: Pii, code: string): number | null {
  const match = CODE.exec(code);
  if (!match) return null;
  const id = Number(match[1]);
  if (id > 2_147_483_647) return null;
  const expected = Buffer.from(signatureOf(pii, id));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** What a referral's check says: valid (waiting for the hire), used for a hire, withdrawn, refused, or not come. */
export type ReferralState = "valid" | "used" | "withdrawn" | "refused" | "no_show";

const STATE_OF: Partial<Record<ApplicationStatus, ReferralState>> = {
  referred: "valid",
  hired: "used",
  withdrawn: "withdrawn",
  rejected: "refused",
  no_show: "no_show",
};

export interface ReferralCheck {
  applicationId: number;
  state: ReferralState;
  referralNumber: string;
  referredAt: Date;
  initials: string | null;
  project: { id: number; nameKk: string; nameRu: string };
  profession: { nameKk: string; nameRu: string };
  contractor: string | null;
  centre: { nameKk: string; nameRu: string; phone: string } | null;
  /** Whether the one who asks represents the project's contractor (and may record the outcome). */
  asContractor: boolean;
}

/** The check of a signed code; null when the code is forged, altered or names no referral. */
export async function checkReferral(
  store: Store,
  pii: Pii,
  code: string,
  viewerUserId?: number,
): Promise<ReferralCheck | null> {
  const applicationId = applicationOfCode(pii, code);
  if (applicationId === null) return null;
  const [row] = await store.all(
    q
      .selectFrom("Application as a")
      .innerJoin("Project as p", "p.id", "a.projectId")
      .innerJoin("Position as s", "s.id", "a.positionId")
      .innerJoin("Profession as f", "f.id", "s.professionId")
      .leftJoin("Contractor as c", "c.id", "p.contractorId")
      .leftJoin("SeekerProfile as sp", "sp.userId", "a.userId")
      .select(({ selectFrom, exists }) => [
        "a.status",
        "a.referralNumber",
        "a.referredAt",
        "sp.fullName",
        "p.id as projectId",
        "p.nameKk",
        "p.nameRu",
        "f.nameKk as professionKk",
        "f.nameRu as professionRu",
        "c.name as contractor",
        selectFrom("CentreDistrict as cd")
          .innerJoin("EmploymentCentre as e", "e.id", "cd.centreId")
          .select("e.id")
          .whereRef("cd.districtId", "=", "p.districtId")
          .orderBy("e.id")
          .limit(1)
          .as("centreId"),
        exists(
          selectFrom("ContractorMembership as m")
            .select("m.id")
            .whereRef("m.contractorId", "=", "p.contractorId")
            .where("m.userId", "=", viewerUserId ?? 0),
        ).as("asContractor"),
      ])
      .where("a.id", "=", applicationId)
      .where("a.referralNumber", "is not", null),
  );
  if (!row) return null;
  const [centre] = row.centreId
    ? await store.all(
        q.selectFrom("EmploymentCentre").select(["nameKk", "nameRu", "phone"]).where("id", "=", row.centreId),
      )
    : [];
  return {
    applicationId,
    state: STATE_OF[row.status] ?? "refused",
    referralNumber: row.referralNumber!,
    referredAt: row.referredAt!,
    initials: row.fullName ? initialsOf(row.fullName) : null,
    project: { id: row.projectId, nameKk: row.nameKk, nameRu: row.nameRu },
    profession: { nameKk: row.professionKk, nameRu: row.professionRu },
    contractor: row.contractor,
    centre: centre ?? null,
    asContractor: Boolean(row.asContractor),
  };
}
