// The applicant's card staff open from their queue: the application in their reach and the
// person's profile in one query, the IIN masked; the whole IIN only by its own call, audited.
import type { Store } from "../db/store.js";
import { standingOf, type SeekerStanding, type SeekerStatus } from "../domain/person.js";
import { sql } from "kysely";
import { audit } from "./audit.js";
import type { Pii } from "./pii.js";
import { applicationInReach, NotAllowedError, reachableRow } from "./staff.js";

export interface ApplicantPerson {
  fullName: string;
  birthDate: Date;
  status: SeekerStatus;
  studying: boolean;
  working: boolean;
  anyWork: boolean;
  willingToRelocate: boolean;
  district: { nameKk: string; nameRu: string; region: { nameKk: string; nameRu: string } };
  professions: Array<{ nameKk: string; nameRu: string }>;
  phone: string;
  iinLast4: string;
  /** The age and the flags on the day the card is read. */
  standing: SeekerStanding;
}

type PersonJson = Omit<ApplicantPerson, "district" | "phone" | "iinLast4" | "birthDate" | "standing"> & {
  birthDate: string;
  districtKk: string;
  districtRu: string;
  regionKk: string;
  regionRu: string;
  phoneCipher: string;
  iinCipher: string;
};

/** The applicant's profile as one JSON value, read with the application (json_build_object: a typed fragment). */
const PERSON = {
  key: "person",
  column: sql<PersonJson | null>`(
  select json_build_object('fullName', pr."fullName", 'birthDate', pr."birthDate", 'status', pr.status, 'studying', pr.studying,
           'working', pr.working, 'anyWork', pr."anyWork", 'willingToRelocate', pr."willingToRelocate", 'phoneCipher', pr."phoneCipher",
           'iinCipher', pr."iinCipher", 'districtKk', d."nameKk", 'districtRu', d."nameRu", 'regionKk', r."nameKk", 'regionRu', r."nameRu",
           'professions', coalesce((select json_agg(json_build_object('nameKk', f."nameKk", 'nameRu', f."nameRu") order by f.id)
             from "SeekerProfession" sp join "Profession" f on f.id = sp."professionId" where sp."profileId" = pr.id), '[]'))
  from "SeekerProfile" pr join "District" d on d.id = pr."districtId" join "Region" r on r.id = d."regionId"
  where pr."userId" = a."userId")`,
};

/** The applicant's card, in one query; the IIN only masked. */
export async function applicantCard(store: Store, pii: Pii, userId: number, applicationId: number, today: Date) {
  const found = await reachableRow(store, userId, applicationId, undefined, PERSON);
  if (!found) throw new NotAllowedError();
  const { application } = found;
  const json = found.person as PersonJson | null | undefined;
  if (!json) return { application, person: null };
  const { districtKk, districtRu, regionKk, regionRu, phoneCipher, iinCipher, birthDate, ...profile } = json;
  const person: ApplicantPerson = {
    ...profile,
    birthDate: new Date(birthDate),
    district: { nameKk: districtKk, nameRu: districtRu, region: { nameKk: regionKk, nameRu: regionRu } },
    phone: pii.decrypt(phoneCipher),
    iinLast4: pii.decrypt(iinCipher).slice(-4),
    standing: standingOf({ ...profile, birthDate: new Date(birthDate) }, today),
  };
  return { application, person };
}

/** The whole IIN, written to the audit log each time it is shown. */
export async function revealIin(store: Store, pii: Pii, userId: number, applicationId: number): Promise<string | null> {
  const application = await applicationInReach(store, userId, applicationId);
  const profile = application.userId
    ? await store.db.seekerProfile.findUnique({ where: { userId: application.userId } })
    : null;
  if (!profile) return null;
  await audit(store, { actorUserId: userId, action: "show_iin", entity: "SeekerProfile", entityId: profile.id });
  return pii.decrypt(profile.iinCipher);
}
