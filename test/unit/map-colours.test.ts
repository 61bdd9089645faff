// The public map's colours come from the figures it shows: classes of about as many areas each.
import { describe, expect, it } from "vitest";
import { classesOf, fillOf, FILLS, NO_DATA_FILL } from "../../src/web/public/colour.js";

describe("the public map's colour classes", () => {
  it("come from the figures shown: quantiles, each class a range the legend states, light to dark", () => {
    const figures = [12, 40, 41, 55, 80, 95, 100, 101, 120, 130, 150, 160, 210, 260, 300, 400, null];
    const classes = classesOf(figures);
    expect(classes).toHaveLength(5);
    expect(classes[0]!.fill).toBe(FILLS[0]);
    expect(classes.at(-1)!.fill).toBe(FILLS.at(-1));
    const counts = classes.map(
      (c, i) =>
        figures.filter((f) => f !== null && f >= c.from && (i === classes.length - 1 || f < classes[i + 1]!.from))
          .length,
    );
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1); // about as many areas in each
    expect(fillOf(classes, null)).toBe(NO_DATA_FILL);
    expect(new Set(figures.filter((f) => f !== null).map((f) => fillOf(classes, f))).size).toBe(5);
  });

  it("never puts two different figures together when there are few, and copes with one", () => {
    expect(classesOf([100, 100, 100]).map((c) => [c.from, c.to])).toEqual([[100, 100]]);
    expect(classesOf([10, 20]).map((c) => [c.from, c.to])).toEqual([
      [10, 20],
      [20, 20],
    ]);
    expect(classesOf([null])).toEqual([]);
  });
});
