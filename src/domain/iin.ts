// The Kazakh individual identification number (ЖСН/ИИН): YYMMDD, a century-and-sex digit,
// four serial digits and a check digit.
export type Sex = "male" | "female";

export interface IinFacts {
  birthDate: Date;
  sex: Sex;
}

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The official check digit, or null when both passes give 10 (no valid IIN has those digits). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** The birth date and sex an IIN holds, or null when it is not a valid IIN. */
export function readIin(input: string): IinFacts | null {
  const iin = input.replace(/\s/g, "");
  if (!/^\d{12}$/.test(iin)) return null;
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return null;
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return null;
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  if (birthDate.getUTCMonth() !== month - 1 || birthDate.getUTCDate() !== day) return null;
  return { birthDate, sex: centuryDigit % 2 === 1 ? "male" : "female" };
}

/** Full years on a day. */
export function ageOn(birthDate: Date, day: Date): number {
  let age = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birthDate.getUTCMonth() ||
    (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
