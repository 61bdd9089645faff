// The staff desk's script: it reads Telegram's initData, sends it with every request for the
// desk's content (HTML fragments), and turns the fragments' links and forms into such requests.
(() => {
  var base = document.documentElement.getAttribute("data-base") || "";
  var app = base + "/app/";
  var main = document.getElementById("desk");
  var depth = 0;
  var NETWORK_ERROR = document.documentElement.getAttribute("data-network-error") || "";

  function telegram() {
    return window.Telegram && window.Telegram.WebApp;
  }

  // Telegram.WebApp.initData when its script has loaded, else the tgWebAppData of the URL's
  // fragment, as Telegram opens a Mini App; kept for the session (the fragment may be lost).
  function readInitData() {
    var tg = telegram();
    if (tg && tg.initData) return tg.initData;
    var fromHash = new URLSearchParams(location.hash.slice(1)).get("tgWebAppData");
    try {
      if (fromHash) sessionStorage.setItem("tgWebAppData", fromHash);
      return fromHash || sessionStorage.getItem("tgWebAppData") || "";
    } catch (e) {
      return fromHash || "";
    }
  }

  function updateBackButton() {
    var tg = telegram();
    if (!tg || !tg.BackButton) return;
    if (depth > 0) tg.BackButton.show();
    else tg.BackButton.hide();
  }

  // Telegram's MainButton does the page's main action (a form marked data-main), where there is one.
  var mainAction = null;
  function updateMainButton() {
    var tg = telegram();
    if (!tg || !tg.MainButton) return;
    if (mainAction) tg.MainButton.offClick(mainAction);
    var form = main.querySelector("form[data-main]");
    if (!form) {
      mainAction = null;
      tg.MainButton.hide();
      return;
    }
    mainAction = () => {
      form.requestSubmit();
    };
    tg.MainButton.setText(form.getAttribute("data-main"));
    tg.MainButton.onClick(mainAction);
    tg.MainButton.show();
  }

  function show(html) {
    main.innerHTML = html;
    var root = main.firstElementChild;
    if (root && root.getAttribute("data-title")) document.title = root.getAttribute("data-title");
    if (root && root.getAttribute("data-lang")) document.documentElement.lang = root.getAttribute("data-lang");
    main.removeAttribute("aria-busy");
    var heading = main.querySelector("h1");
    if (heading) heading.focus();
    updateBackButton();
    updateMainButton();
  }

  function request(url, options) {
    options = options || {};
    var headers = { Authorization: "tma " + readInitData() };
    return fetch(url, {
      method: options.method || "GET",
      body: options.body,
      headers: headers,
      credentials: "same-origin",
    });
  }

  function load(url, options, push) {
    main.setAttribute("aria-busy", "true");
    return request(url, options)
      .then((response) => response.text())
      .then((html) => {
        if (push) {
          history.pushState({ url: url }, "");
          depth++;
        }
        show(html);
      })
      .catch(() => {
        show('<p role="alert">' + NETWORK_ERROR + "</p>");
      });
  }

  // Inside Telegram (Bot API 8.0+) Telegram saves the file itself, from a link signed for it; elsewhere
  // the page fetches the file with the initData and hands it to the browser.
  function download(link) {
    var tg = telegram();
    var href = link.getAttribute("href");
    if (tg && tg.downloadFile && tg.isVersionAtLeast && tg.isVersionAtLeast("8.0")) {
      return request(app + "link?for=" + encodeURIComponent(href.slice(app.length)))
        .then((response) => {
          if (!response.ok)
            return response.text().then((text) => {
              throw new Error(text);
            });
          return response.json();
        })
        .then((body) => {
          tg.downloadFile({
            url: new URL(body.url, location.href).href,
            file_name: link.getAttribute("data-download"),
          });
        })
        .catch((error) => {
          alert(error.message || NETWORK_ERROR);
        });
    }
    return request(href)
      .then((response) => {
        if (!response.ok)
          return response.text().then((text) => {
            throw new Error(text);
          });
        return response.blob();
      })
      .then((blob) => {
        var url = URL.createObjectURL(blob);
        var a = document.createElement("a");
        a.href = url;
        a.download = link.getAttribute("data-download");
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => {
          URL.revokeObjectURL(url);
        }, 10000);
      })
      .catch((error) => {
        alert(error.message || NETWORK_ERROR);
      });
  }

  document.addEventListener("click", (event) => {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || event.ctrlKey || event.metaKey) return;
    var href = link.getAttribute("href");
    if (href.indexOf(app) !== 0) return;
    event.preventDefault();
    if (link.hasAttribute("data-download")) download(link);
    else load(href, null, true);
  });

  document.addEventListener("submit", (event) => {
    var form = event.target;
    var action = form.getAttribute("action") || "";
    if (action.indexOf(app) !== 0) return;
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    if ((form.getAttribute("method") || "get").toLowerCase() === "get") {
      var query = data.toString();
      load(action + (query ? "?" + query : ""), null, true);
    } else {
      load(action, { method: "POST", body: data }, false);
    }
  });

  window.addEventListener("popstate", (event) => {
    if (!event.state || !event.state.url) return;
    depth = Math.max(0, depth - 1);
    load(event.state.url, null, false);
  });

  // Telegram's theme colours are not all readable on their own backgrounds (its light theme's links,
  // its dark theme's white on the button, hints): each text colour is mixed toward black or white
  // until it reaches WCAG AA's 4.5:1 against the background it stands on.
  function rgb(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(String(hex || "").trim());
    if (!m) return null;
    var n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  function luminance(c) {
    var l = c.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }
  function contrast(a, b) {
    var x = luminance(a),
      y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function hex(c) {
    return "#" + c.map((v) => ("0" + Math.round(v).toString(16)).slice(-2)).join("");
  }
  /** `colour` mixed toward black or white (away from the backgrounds) until it reads on each of them. */
  var TARGET = 4.6; // AA asks 4.5:1; a little more, so that rounding to whole colour values cannot fall under it
  function readable(colour, backgrounds) {
    var c = rgb(colour);
    if (!c) return null;
    var away = luminance(backgrounds[0]) > 0.4 ? [0, 0, 0] : [255, 255, 255];
    for (var step = 0; step <= 20; step++) {
      var mixed = c.map((v, i) => v + ((away[i] - v) * step) / 20);
      if (backgrounds.every((b) => contrast(mixed, b) >= TARGET)) return hex(mixed);
    }
    return hex(away);
  }
  function mendTheme() {
    var css = getComputedStyle(document.documentElement);
    var value = (name) => css.getPropertyValue(name).trim();
    var bg = rgb(value("--tg-theme-bg-color")) || [255, 255, 255];
    var surface = rgb(value("--tg-theme-secondary-bg-color")) || bg;
    var root = document.documentElement.style;
    var link = readable(value("--tg-theme-link-color"), [bg, surface]);
    var hint = readable(value("--tg-theme-hint-color"), [bg, surface]);
    var failed = readable(value("--failed") || "#a4161a", [bg, surface]);
    if (link) root.setProperty("--link", link);
    if (hint) root.setProperty("--hint", hint);
    if (failed) root.setProperty("--failed", failed);
    // The button's colour is the background of its text: mixed until the button's text reads on it.
    var buttonText = rgb(value("--tg-theme-button-text-color"));
    var button = value("--tg-theme-button-color");
    if (buttonText && rgb(button)) root.setProperty("--button", readable(button, [buttonText]));
  }

  function joinTelegram() {
    var tg = telegram();
    mendTheme();
    if (!tg || tg.joined) return;
    tg.joined = true;
    if (tg.onEvent) tg.onEvent("themeChanged", mendTheme);
    tg.ready();
    tg.expand();
    if (tg.BackButton)
      tg.BackButton.onClick(() => {
        history.back();
      });
    updateBackButton();
  }

  function start() {
    joinTelegram();
    document.addEventListener("DOMContentLoaded", mendTheme); // a theme set while the page loads
    var script = document.querySelector('script[src*="telegram-web-app"]');
    if (script) script.addEventListener("load", joinTelegram);
    var first = app + "queue";
    history.replaceState({ url: first }, "");
    load(first, null, false);
  }

  start();
})();
