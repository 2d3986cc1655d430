"use strict";
// Live preview (playbook serve only; never part of a built site): reloads the tab when its
// page changes and shows build errors over the page until the next good save.
(() => {
  const here = () => {
    let p = decodeURIComponent(location.pathname).replace(/^\//, "");
    if (p === "" || p.endsWith("/")) p += "index.html";
    return p;
  };
  let overlay = null;
  const showError = (message) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "playbook-error-overlay";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-label", "Build error");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.92);color:#fff;" +
        "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto;white-space:pre-wrap";
      document.body.append(overlay);
    }
    overlay.textContent = "";
    const title = document.createElement("strong");
    title.textContent = "The content has an error; the last good version of the site is still served.\n\n";
    const text = document.createElement("div");
    text.textContent = message;
    overlay.append(title, text);
  };
  const clearError = () => {
    if (overlay) overlay.remove();
    overlay = null;
  };
  const events = new EventSource("/_playbook/events");
  events.addEventListener("build-error", (e) => showError(JSON.parse(e.data).message));
  events.addEventListener("ok", clearError);
  events.addEventListener("reload", (e) => {
    const pages = JSON.parse(e.data).pages || [];
    const page = here();
    if (pages.length === 0 || pages.includes(page) || pages.some((p) => !p.endsWith(".html"))) {
      location.reload();
    } else {
      clearError();
    }
  });
  globalThis.Playbook = globalThis.Playbook || {};
  globalThis.Playbook.live = { events };
})();
