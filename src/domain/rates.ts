import {
  WAGE_FLOOR_MINIMUM_WAGES,
  RELOCATION_ALLOWANCE_MINIMUM_WAGES,
  YEARLY_RATES,
  type YearlyRate,
} from "./rules.js";

/** The rates in force on a day; before the first known date, the first; after the last, the last. */
export function rateOn(day: Date, rates: readonly YearlyRate[] = YEARLY_RATES): YearlyRate {
  const iso = day.toISOString().slice(0, 10);
  const inForce = rates.filter((rate) => rate.validFrom <= iso).at(-1) ?? rates[0];
  if (!inForce) throw new Error("no yearly rates");
  return inForce;
}

/** Two minimum wages of the day's year: the least a referred person may earn. */
export function wageFloor(day: Date, rates?: readonly YearlyRate[]): number {
  return WAGE_FLOOR_MINIMUM_WAGES * rateOn(day, rates).minimumWage;
}

export function relocationAllowance(day: Date, rates?: readonly YearlyRate[]): number {
  return RELOCATION_ALLOWANCE_MINIMUM_WAGES * rateOn(day, rates).minimumWage;
}
