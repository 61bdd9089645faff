// The staff desk's glue between htmx and Telegram. htmx does the desk's navigation, declared in the
// markup (src/web/desk/shell.tsx: the content area's links and forms are boosted into it); this
// script gives every request Telegram's initData, keeps a history for Telegram's Back button, lets
// Telegram's Main button do the page's main action, and saves the desk's files.
(() => {
  const root = document.documentElement;
  const app = `${root.dataset.base || ""}/app/`;
  const NETWORK_ERROR = root.dataset.networkError || "";
  const desk = () => document.getElementById("desk");
  const telegram = () => window.Telegram?.WebApp;
  let depth = 0;

  // Telegram.WebApp.initData when its script has loaded, else the tgWebAppData of the URL's
  // fragment, as Telegram opens a Mini App; kept for the session (the fragment may be lost).
  const readInitData = () => {
    const tg = telegram();
    if (tg?.initData) return tg.initData;
    const fromHash = new URLSearchParams(location.hash.slice(1)).get("tgWebAppData");
    try {
      if (fromHash) sessionStorage.setItem("tgWebAppData", fromHash);
      return fromHash || sessionStorage.getItem("tgWebAppData") || "";
    } catch {
      return fromHash || "";
    }
  };
  const authorization = () => `tma ${readInitData()}`;

  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers.Authorization = authorization();
  });
  document.addEventListener("htmx:beforeRequest", () => desk().setAttribute("aria-busy", "true"));
  document.addEventListener("htmx:sendError", () => {
    const alert = Object.assign(document.createElement("p"), { role: "alert", textContent: NETWORK_ERROR });
    alert.setAttribute("role", "alert");
    desk().replaceChildren(alert);
    desk().removeAttribute("aria-busy");
  });

  const updateBackButton = () => {
    const back = telegram()?.BackButton;
    if (!back) return;
    if (depth > 0) back.show();
    else back.hide();
  };

  // Telegram's MainButton does the page's main action (a form marked data-main), where there is one.
  let mainAction = null;
  const updateMainButton = () => {
    const main = telegram()?.MainButton;
    if (!main) return;
    if (mainAction) main.offClick(mainAction);
    const form = desk().querySelector("form[data-main]");
    mainAction = form ? () => form.requestSubmit() : null;
    if (!form) return void main.hide();
    main.setText(form.dataset.main);
    main.onClick(mainAction);
    main.show();
  };

  // A page shown: its title, language and heading; a link followed is one more step back.
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target !== desk()) return;
    // htmx takes in new content when it settles, a moment later: a link pressed in that moment would
    // leave the desk without the initData. Taking it in now closes the gap (htmx does each node once).
    window.htmx.process(desk());
    const page = desk().firstElementChild;
    if (page?.dataset.title) document.title = page.dataset.title;
    if (page?.dataset.lang) root.lang = page.dataset.lang;
    desk().removeAttribute("aria-busy");
    desk().querySelector("h1")?.focus();
    const { boosted, requestConfig } = event.detail;
    if (boosted && requestConfig?.verb === "get") {
      history.pushState({ url: event.detail.pathInfo.finalRequestPath }, "");
      depth++;
    }
    updateBackButton();
    updateMainButton();
  });

  window.addEventListener("popstate", (event) => {
    if (!event.state?.url) return;
    depth = Math.max(0, depth - 1);
    window.htmx.ajax("GET", event.state.url, { target: "#desk", swap: "innerHTML" });
  });

  const failed = (response) =>
    response.text().then((text) => {
      throw new Error(text);
    });

  // Inside Telegram (Bot API 8.0+) Telegram saves the file itself, from a link signed for it; elsewhere
  // the page fetches the file with the initData and hands it to the browser.
  const download = async (link) => {
    const tg = telegram();
    const href = link.getAttribute("href");
    const headers = { Authorization: authorization() };
    try {
      if (tg?.downloadFile && tg.isVersionAtLeast?.("8.0")) {
        const response = await fetch(`${app}link?for=${encodeURIComponent(href.slice(app.length))}`, { headers });
        const body = await (response.ok ? response.json() : failed(response));
        tg.downloadFile({ url: new URL(body.url, location.href).href, file_name: link.dataset.download });
        return;
      }
      const response = await fetch(href, { headers });
      const blob = await (response.ok ? response.blob() : failed(response));
      const url = URL.createObjectURL(blob);
      const a = Object.assign(document.createElement("a"), { href: url, download: link.dataset.download });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      alert(error.message || NETWORK_ERROR);
    }
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-download]");
    if (!link || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    download(link);
  });

  const joinTelegram = () => {
    const tg = telegram();
    window.mendTelegramTheme?.();
    if (!tg || tg.joined) return;
    tg.joined = true;
    if (tg.onEvent && window.mendTelegramTheme) tg.onEvent("themeChanged", window.mendTelegramTheme);
    tg.ready();
    tg.expand();
    tg.BackButton?.onClick(() => history.back());
    updateBackButton();
  };

  joinTelegram();
  document.querySelector('script[src*="telegram-web-app"]')?.addEventListener("load", joinTelegram);
  history.replaceState({ url: `${app}queue` }, "");
})();
