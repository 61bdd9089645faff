// What a job seeker types about themselves, checked and normalised.
import { ageOn } from "./iin.js";
import { ADULT_AGE, YOUTH_AGE } from "./rules.js";

/** Letters of the Kazakh, Russian or Latin alphabets, spaces, hyphen, apostrophe; 2 to 100 characters. */
export function normaliseFullName(input: string): string | null {
  const name = input.normalize("NFC").trim().replace(/\s+/g, " ").replace(/[’ʼ`]/g, "'");
  if (name.length < 2 || name.length > 100) return null;
  if (!/^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі' -]+$/.test(name)) return null;
  return /[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі].*[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(name) ? name : null;
}

/** A Kazakhstan number in any usual form (+7 7XX XXX XX XX, 8 7XX…, 7XX…) → +77XXXXXXXXX. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, "");
  const match = /^(?:\+?7|8)?(7\d{9})$/.exec(digits);
  return match ? `+7${match[1]}` : null;
}

export const SEEKER_STATUSES = [
  "registered_unemployed",
  "job_seeker",
  "being_laid_off",
  "unpaid_leave",
  "student",
] as const;
export type SeekerStatus = (typeof SEEKER_STATUSES)[number];

export interface SeekerFacts {
  age: number;
  status: SeekerStatus;
  studying: boolean;
  working: boolean;
}

export const isYouth = (age: number) => age >= YOUTH_AGE.min && age <= YOUTH_AGE.max;
export const isMinor = (age: number) => age < ADULT_AGE;
/** NEET youth: young, not in employment, education or training — derived, never chosen. */
export const isNeet = (f: SeekerFacts) => isYouth(f.age) && !f.studying && !f.working;
export const isStudent = (f: SeekerFacts) => f.status === "student" || f.studying;
const isUnemployedYouth = (f: SeekerFacts) =>
  isYouth(f.age) && !f.working && (f.status === "registered_unemployed" || f.status === "job_seeker");

/** What staff and the person see of a profile on a day: the age and the flags the rules derive. */
export interface SeekerStanding {
  age: number;
  neet: boolean;
  student: boolean;
}

export function standingOf(
  person: { birthDate: Date; status: SeekerStatus; studying: boolean; working: boolean },
  today: Date,
): SeekerStanding {
  const facts: SeekerFacts = {
    age: ageOn(person.birthDate, today),
    status: person.status,
    studying: person.studying,
    working: person.working,
  };
  return { age: facts.age, neet: isNeet(facts), student: isStudent(facts) };
}

/** The group that goes first (see priorityGroup). */
export const PRIORITY_GROUP = 0;

/** What of a position decides a student's priority. */
export interface PositionFacts {
  /**
   * Light work, not harmful to health: the position's "suitable for minors" mark (the Labour Code's
   * light work). 002 gives students priority only "денсаулығына зиян келтірмейтін және оқу процесін
   * бұзбайтын жұмыстарда"; whether the hours let them study, the centre checks before referring.
   */
  lightWork: boolean;
}

/**
 * 002, hiring: unemployed youth, NEET youth, and students in work that does not harm health or
 * disrupt studies go first, equal among themselves (0); everyone else after them (1). Within a
 * group, earlier applications first.
 */
export function priorityGroup(f: SeekerFacts, position: PositionFacts): 0 | 1 {
  return isUnemployedYouth(f) || isNeet(f) || (isStudent(f) && position.lightWork) ? 0 : 1;
}

/** "Абаев Абай Кунанбаевич" → "А. А. К.": what a referral's public check shows of the person. */
export function initialsOf(fullName: string): string {
  return fullName
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toLocaleUpperCase("kk")}.`)
    .join(" ");
}
