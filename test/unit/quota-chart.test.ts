// The chart's text: every Kazakh letter has a glyph in the shipped font (none falls back to the
// empty box of a missing glyph), and names are escaped for SVG.
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { quotaChartSvg, renderSvgToPng } from "../../src/presentation/reports/quota-chart.js";

async function letterImage(letter: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#fff"/>` +
    `<text x="10" y="45" font-size="40" font-family="DejaVu Sans">${letter}</text></svg>`;
  return PNG.sync.read(await renderSvgToPng(svg)).data;
}

const inked = (pixels: Buffer) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;

describe("the chart's font", () => {
  it("draws each Kazakh letter with its own glyph", async () => {
    const missing = await letterImage("\uE000"); // a private-use character: the font's "missing glyph" box
    for (const letter of ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"]) {
      const image = await letterImage(letter);
      expect(inked(image), letter).toBeGreaterThan(20);
      expect(image.equals(missing), letter).toBe(false);
    }
  });

  it("escapes names that look like markup", () => {
    const svg = quotaChartSvg([{ label: `ТОО "A&B" <1>`, percent: 10 }], {
      title: "t",
      subtitle: "s",
      line: "100",
      formatPercent: String,
    });
    expect(svg).toContain("ТОО &#34;A&#38;B&#34; &#60;1&#62;");
  });
});
