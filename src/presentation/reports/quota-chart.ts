// A horizontal bar chart of the referral quota met, sorted, with the 100 % line: drawn as SVG and
// rendered to PNG by resvg with DejaVu Sans, shipped as an npm package, whose glyphs cover the
// Kazakh letters (ә ғ қ ң ө ұ ү һ і). No system font is used, so every machine draws the same.
import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";

const CHART_FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map(
  (file) => createRequire(import.meta.url).resolve(file),
);
const FONT = "DejaVu Sans";

/** 1080 px wide: a phone shows it across the screen without zooming. */
export const CHART_WIDTH = 1080;
const TOP = 150;
const ROW = 56;
const BAR = 36;
const BOTTOM = 70;
const LABEL_RIGHT = 390;
const PLOT_LEFT = 400;
const PLOT_RIGHT = CHART_WIDTH - 120;
/** Bars past 150 % are drawn to the edge, with their number. */
const SCALE_MAX = 150;
export const LINE_COLOUR = "#d32f2f";
const MET_COLOUR = "#2e7d32";
const SHORT_COLOUR = "#f9a825";

export const chartHeight = (bars: number) => TOP + bars * ROW + BOTTOM;

export interface ChartBar {
  label: string;
  percent: number;
}

export interface ChartText {
  title: string;
  subtitle: string;
  /** The 100 % line's caption */
  line: string;
  formatPercent: (value: number) => string;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const shorten = (text: string, max = 26) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
export const xOfPercent = (percent: number) =>
  PLOT_LEFT + (Math.min(percent, SCALE_MAX) / SCALE_MAX) * (PLOT_RIGHT - PLOT_LEFT);

export function quotaChartSvg(input: ChartBar[], text: ChartText): string {
  const bars = [...input].sort((a, b) => b.percent - a.percent || a.label.localeCompare(b.label));
  const height = chartHeight(bars.length);
  const line = xOfPercent(100);
  const plotBottom = TOP + bars.length * ROW;
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    const end = xOfPercent(bar.percent);
    const colour = bar.percent >= 100 ? MET_COLOUR : SHORT_COLOUR;
    return [
      `<text x="${LABEL_RIGHT}" y="${y + BAR / 2 + 8}" text-anchor="end" font-size="24">${escapeXml(shorten(bar.label))}</text>`,
      `<rect x="${PLOT_LEFT}" y="${y}" width="${Math.max(end - PLOT_LEFT, 2)}" height="${BAR}" fill="${colour}"/>`,
      `<text x="${end + 8}" y="${y + BAR / 2 + 8}" font-size="22">${escapeXml(text.formatPercent(bar.percent))}</text>`,
    ].join("");
  });
  const ticks = [0, 50, 100, 150].map(
    (p) =>
      `<text x="${xOfPercent(p)}" y="${plotBottom + 34}" text-anchor="middle" font-size="20" fill="#555">${escapeXml(text.formatPercent(p))}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="40" y="56" font-size="30" font-weight="bold">${escapeXml(shorten(text.title, 56))}</text>`,
    `<text x="40" y="100" font-size="24" fill="#444">${escapeXml(shorten(text.subtitle, 76))}</text>`,
    `<line x1="${PLOT_LEFT}" y1="${TOP - 6}" x2="${PLOT_LEFT}" y2="${plotBottom}" stroke="#999" stroke-width="2"/>`,
    ...rows,
    `<line x1="${line}" y1="${TOP - 20}" x2="${line}" y2="${plotBottom}" stroke="${LINE_COLOUR}" stroke-width="4" stroke-dasharray="12 6"/>`,
    `<text x="${line}" y="${TOP - 28}" text-anchor="middle" font-size="20" fill="${LINE_COLOUR}">${escapeXml(text.line)}</text>`,
    ...ticks,
    `</svg>`,
  ].join("\n");
}

export async function renderSvgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: CHART_FONT_FILES, defaultFontFamily: FONT },
  });
  return image.asPng();
}

/** The chart as PNG; null when no bar has a quota to compare with. */
export async function quotaChartPng(bars: ChartBar[], text: ChartText): Promise<Buffer | null> {
  return bars.length ? renderSvgToPng(quotaChartSvg(bars, text)) : null;
}
