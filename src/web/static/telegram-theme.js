// Telegram's theme colours are not all readable on their own backgrounds (its light theme's links,
// its dark theme's white on the button, hints): each text colour is mixed toward black or white
// until it reaches WCAG AA's 4.5:1 against the background it stands on.
(() => {
  const rgb = (hex) => {
    const m = /^#?([0-9a-f]{6})$/i.exec(String(hex || "").trim());
    if (!m) return null;
    const n = Number.parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  };
  const luminance = (c) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const hex = (c) => `#${c.map((v) => `0${Math.round(v).toString(16)}`.slice(-2)).join("")}`;
  // AA asks 4.5:1; a little more, so that rounding to whole colour values cannot fall under it.
  const TARGET = 4.6;

  /** `colour` mixed toward black or white (away from the backgrounds) until it reads on each of them. */
  const readable = (colour, backgrounds) => {
    const c = rgb(colour);
    if (!c) return null;
    const away = luminance(backgrounds[0]) > 0.4 ? [0, 0, 0] : [255, 255, 255];
    for (let step = 0; step <= 20; step++) {
      const mixed = c.map((v, i) => v + ((away[i] - v) * step) / 20);
      if (backgrounds.every((b) => contrast(mixed, b) >= TARGET)) return hex(mixed);
    }
    return hex(away);
  };

  const mendTheme = () => {
    const css = getComputedStyle(document.documentElement);
    const value = (name) => css.getPropertyValue(name).trim();
    const bg = rgb(value("--tg-theme-bg-color")) || [255, 255, 255];
    const surface = rgb(value("--tg-theme-secondary-bg-color")) || bg;
    const root = document.documentElement.style;
    const link = readable(value("--tg-theme-link-color"), [bg, surface]);
    const hint = readable(value("--tg-theme-hint-color"), [bg, surface]);
    const failed = readable(value("--failed") || "#a4161a", [bg, surface]);
    if (link) root.setProperty("--link", link);
    if (hint) root.setProperty("--hint", hint);
    if (failed) root.setProperty("--failed", failed);
    // The button's colour is the background of its text: mixed until the button's text reads on it.
    const buttonText = rgb(value("--tg-theme-button-text-color"));
    const button = value("--tg-theme-button-color");
    if (buttonText && rgb(button)) root.setProperty("--button", readable(button, [buttonText]));
  };

  window.mendTelegramTheme = mendTheme;
  mendTheme();
  document.addEventListener("DOMContentLoaded", mendTheme); // a theme set while the page loads
})();
