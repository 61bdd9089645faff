// Kazakhstan's working days: Monday to Friday, except the public holidays of the Law "On holidays in
// the Republic of Kazakhstan" (No. 267-II of 13.12.2001). Art. 1 names the national and state
// holidays, art. 2 the religious ones (Orthodox Christmas, the first day of Kurban ait, whose date
// the government sets each year); art. 5: a national or state holiday on a day off moves the day off
// to the next working day (religious holidays do not move). Amendments of 2022: 25 October (Republic
// Day) became a holiday and 17 December stopped being one. Government decrees that swap single days
// in some years are not included: the bot counts days, it does not plan shifts.

/** National and state holidays (art. 1), month-day, until 2021. */
// biome-ignore format: the year's days on one line read as a calendar
const STATE_HOLIDAYS_UNTIL_2021 = ["01-01", "01-02", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07", "05-09", "07-06", "08-30", "12-16", "12-17"];
/** From 2022 (the amendments): Republic Day added, the second day of Independence Day removed. */
const STATE_HOLIDAYS_FROM_2022 = [...STATE_HOLIDAYS_UNTIL_2021.filter((day) => day !== "12-17"), "10-25"];
/** Art. 2: Orthodox Christmas, and Kurban ait's first day as the government set it each year. */
const KURBAN_AIT: Record<number, string> = {
  2020: "07-31",
  2021: "07-20",
  2022: "07-09",
  2023: "06-28",
  2024: "06-16",
  2025: "06-06",
  2026: "05-27",
  2027: "05-16",
};

const DAY_MS = 86_400_000;
const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, n: number) => new Date(day.getTime() + n * DAY_MS);
const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

const cache = new Map<number, Set<string>>();

/** Every day off of a year that is not a weekend: the holidays, and the days off moved by art. 5. */
export function holidaysOf(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const state = (year <= 2021 ? STATE_HOLIDAYS_UNTIL_2021 : STATE_HOLIDAYS_FROM_2022).map((md) => `${year}-${md}`);
  const religious = [`${year}-01-07`, ...(KURBAN_AIT[year] ? [`${year}-${KURBAN_AIT[year]}`] : [])];
  const off = new Set([...state, ...religious]);
  for (const holiday of state) {
    const day = new Date(`${holiday}T00:00:00Z`);
    if (!isWeekend(day)) continue;
    let moved = addDays(day, 1);
    while (isWeekend(moved) || off.has(isoDay(moved))) moved = addDays(moved, 1);
    off.add(isoDay(moved));
  }
  cache.set(year, off);
  return off;
}

/** A calendar day (UTC midnight of the day as Kazakhstan counts it). */
export function isWorkingDay(day: Date): boolean {
  return !isWeekend(day) && !holidaysOf(day.getUTCFullYear()).has(isoDay(day));
}

/** The day `n` working days after `day` (the day itself not counted). */
export function addWorkingDays(day: Date, n: number): Date {
  let at = day;
  for (let left = n; left > 0; ) {
    at = addDays(at, 1);
    if (isWorkingDay(at)) left--;
  }
  return at;
}

/** The latest day whose referrals are `n` working days old on `today`: they are due today or earlier. */
export function dueSince(today: Date, n: number): Date {
  let day = today;
  while (addWorkingDays(day, n) > today) day = addDays(day, -1);
  return day;
}
