// The map's colours: a sequential scale that stays readable for colour-blind eyes (ColorBrewer
// YlGnBu), each class named in the legend.
export type Measure = "quota" | "jobs";

export interface ColourClass {
  /** The lower bound, percent (the class holds values from it to the next one's). */
  from: number;
  fill: string;
}

/**
 * The quota is a floor (hiring through the centre goes on past it): the classes part "short of it"
 * from how far past it. Jobs against the year's plan pass 100 % too: the year's jobs include those
 * of projects begun the year before.
 */
export const CLASSES: Record<Measure, ColourClass[]> = {
  quota: [{ from: 0, fill: "#ffffcc" }, { from: 100, fill: "#a1dab4" }, { from: 125, fill: "#41b6c4" }, { from: 150, fill: "#2c7fb8" }, { from: 200, fill: "#253494" }],
  jobs: [{ from: 0, fill: "#ffffcc" }, { from: 50, fill: "#a1dab4" }, { from: 75, fill: "#41b6c4" }, { from: 100, fill: "#2c7fb8" }, { from: 150, fill: "#253494" }],
};

export const NO_DATA_FILL = "#d9d9d9";

export function fillOf(measure: Measure, percent: number | null): string {
  if (percent === null) return NO_DATA_FILL;
  const classes = CLASSES[measure];
  return [...classes].reverse().find((c) => percent >= c.from)?.fill ?? classes[0]!.fill;
}
