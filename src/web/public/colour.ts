// The map's colours: a sequential scale that stays readable for colour-blind eyes (ColorBrewer
// YlGnBu), in classes made from the figures shown (quantiles), so that the map tells the regions
// apart whatever the year and the measure; the legend states each class's range.
export type Measure = "quota" | "jobs";

export const FILLS = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
export const NO_DATA_FILL = "#d9d9d9";

export interface ColourClass {
  /** The class holds values from `from` to `to`, both shown; the last class takes `to` itself. */
  from: number;
  to: number;
  fill: string;
}

/**
 * Up to five classes of about as many areas each (quantiles of the figures shown), never one class
 * for two equal figures: the breaks are distinct values of the data, rounded to whole percent.
 */
export function classesOf(values: Array<number | null>): ColourClass[] {
  const known = values
    .filter((v): v is number => v !== null)
    .map((v) => Math.round(v))
    .sort((a, b) => a - b);
  if (!known.length) return [];
  const distinct = [...new Set(known)];
  const count = Math.min(FILLS.length, distinct.length);
  const breaks = [
    ...new Set(
      Array.from({ length: count - 1 }, (_, i) => known[Math.ceil(((i + 1) * known.length) / count)] ?? known.at(-1)!),
    ),
  ].filter((b) => b > known[0]!);
  const starts = [known[0]!, ...breaks];
  // Spread the colours over the scale: fewer classes still run from light to dark.
  const fillAt = (i: number) =>
    FILLS[starts.length === 1 ? FILLS.length - 1 : Math.round((i * (FILLS.length - 1)) / (starts.length - 1))]!;
  return starts.map((from, i) => ({
    from,
    to: i + 1 < starts.length ? starts[i + 1]! : known.at(-1)!,
    fill: fillAt(i),
  }));
}

export function fillOf(classes: ColourClass[], percent: number | null): string {
  if (percent === null || !classes.length) return NO_DATA_FILL;
  const value = Math.round(percent);
  return [...classes].reverse().find((c) => value >= c.from)?.fill ?? classes[0]!.fill;
}
