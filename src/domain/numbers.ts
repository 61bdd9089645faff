// Numbers the way people type them in Kazakh and Russian chats.

const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(млрд|миллиард\p{L}*|mlrd|bn)$/u, 1_000_000_000],
  [/^(млн|миллион\p{L}*|mln|m)$/u, 1_000_000],
  [/^(тыс|тысяч\p{L}*|мың|k)$/u, 1_000],
];
const CURRENCY = /\s*(₸|тг|тенге|теңге|kzt)\.?$/u;

function decimal(text: string): number | null {
  return /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : null;
}

/** "5 000 000", "5000000", "5 млн", "5,5 млн", "5.5 млн ₸" → tiyn; null when it is not an amount. */
export function parseAmountTiyn(input: string): number | null {
  let text = input
    .trim()
    .toLowerCase()
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(CURRENCY, "");
  let multiplier = 1;
  const word = text.match(/^(.*?)\s*(\p{L}+)\.?$/u);
  if (word) {
    const found = MULTIPLIERS.find(([pattern]) => pattern.test(word[2]!));
    if (!found) return null;
    multiplier = found[1];
    text = word[1]!;
  }
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(text)) text = text.replaceAll(" ", "");
  const value = decimal(text);
  if (value === null) return null;
  const tiyn = Math.round(value * multiplier * 100);
  return Number.isSafeInteger(tiyn) ? tiyn : null;
}

/** "36", "36 мес", "3 года", "3 жыл" → months. */
export function parseMonths(input: string): number | null {
  const match = input
    .trim()
    .toLowerCase()
    .match(/^(\d{1,3})\s*(\p{L}*)\.?$/u);
  if (!match) return null;
  const count = Number(match[1]);
  const unit = match[2]!;
  if (unit === "" || /^(мес|месяц\p{L}*|ай|айға)$/u.test(unit)) return count;
  if (/^(год|года|лет|жыл|жылға)$/u.test(unit)) return count * 12;
  return null;
}

/** "6", "5,5", "5.5 %" → percent. */
export function parsePercent(input: string): number | null {
  const text = input.trim().replace(/\s*%$/, "");
  return decimal(text);
}

/** "01.04.2021", "1/4/2021", "01-04-2021" → that day (UTC); null when it is no real date. */
export function parseDay(input: string): Date | null {
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(input.trim());
  if (!match) return null;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCDate() === d && day.getUTCMonth() === m - 1 ? day : null;
}

/** A whole count typed by a person (spaces allowed as thousands separators): "1 200" → 1200. */
export function parseCount(input: string, max: number): number | null {
  const text = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d{1,7}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}
