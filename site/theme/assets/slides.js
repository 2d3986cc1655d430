"use strict";
// Playbook slides: the page code of slides-core.js. A classic script (pages work from
// file://), loaded with defer after slides-core.js on a lesson's slides page. The page shows
// one slide at a time, with its number in the URL (#3); with "?presenter" it is the presenter
// view instead: the current and the next slide, the trainer notes, the section's planned time,
// a timer and a clock. The two windows keep each other in step with a BroadcastChannel and,
// where that does not reach (pages opened from disk may have no common origin), with
// postMessage between the window and the one it opened.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  const core = Playbook.slidesCore, page = Playbook.page;
  const root = document.documentElement;

  const deck = document.querySelector(".deck");
  const slides = deck ? Array.from(deck.querySelectorAll(":scope > .slide")) : [];
  if (slides.length === 0) return;
  const count = slides.length;

  const t = page.translator("sl_");
  const $ = (sel) => document.querySelector(sel);
  const presenter = new URLSearchParams(location.search).has("presenter");
  // Both windows show the same file, so its path names the deck in their messages.
  const deckID = location.pathname;
  // Type shrinks to SCREEN_MIN of its size to fit a slide on screen, then the slide
  // scrolls; on paper, where nothing scrolls, it shrinks as far as PRINT_MIN.
  const SCREEN_MIN = 0.6, PRINT_MIN = 0.3;

  const status = $(".deck-status");
  const counter = $(".deck-counter");
  const blackout = $(".deck-black");
  const fullscreenButton = $('[data-action="fullscreen"]');
  const pv = $(".presenter");

  let index = -1, black = false, lastAt = 0;

  // ---- Type that fits ----

  // fit gives a displayed slide the largest type (up to its normal size) at which its body
  // needs no scrolling, as --fit for the screen and --print-fit for paper.
  const fit = (slide) => {
    const body = slide.querySelector(".slide-body");
    if (!body) return;
    const fits = (scale) => {
      body.style.setProperty("--fit", String(scale));
      return body.scrollHeight <= body.clientHeight + 1 && body.scrollWidth <= body.clientWidth + 1;
    };
    const scale = core.largestFit(fits, PRINT_MIN);
    body.style.setProperty("--fit", String(Math.max(scale, SCREEN_MIN)));
    body.style.setProperty("--print-fit", String(scale));
    const long = scale < SCREEN_MIN;
    slide.classList.toggle("is-long", long);
    // A slide that scrolls can be reached with the keyboard, to scroll it.
    if (long) body.tabIndex = 0; else body.removeAttribute("tabindex");
  };

  // fitAll fits every slide of the deck, showing each for the time of its measure.
  const fitAll = () => {
    if (presenter) return;
    for (const s of slides) {
      const hidden = s.hidden;
      s.hidden = false;
      fit(s);
      s.hidden = hidden;
    }
  };

  // ---- Keeping the two windows in step ----

  let channel = null;
  try {
    if (typeof BroadcastChannel === "function") channel = new BroadcastChannel(core.APP);
  } catch { channel = null; } // some browsers refuse it to pages opened from disk
  // peer is the other window when this one opened it or was opened by it.
  let peer = presenter ? window.opener : null;

  const send = (type, at = lastAt) => {
    const msg = core.message(deckID, type, { index, black, at });
    try { channel?.postMessage(msg); } catch { /* the channel is closed */ }
    try { if (peer && !peer.closed) peer.postMessage(msg, "*"); } catch { /* the window is gone */ }
  };

  // changed tells the other window about a change made in this one.
  const changed = () => {
    lastAt = core.stamp(lastAt);
    send("state");
  };

  const receive = (msg, source) => {
    if (msg.type === "hello" || msg.type === "ping") {
      if (presenter) return;
      if (source) peer = source; // the presenter window, also after this one reloaded
      if (msg.type === "hello") send("state", Math.max(lastAt, 1));
      return;
    }
    if (!core.newer(msg, lastAt)) return;
    lastAt = msg.at;
    const i = core.clamp(msg.index, count);
    if (i !== index) {
      history.replaceState(null, "", location.search + core.hashOf(i));
      show(i);
    }
    setBlack(msg.black);
  };

  if (channel) {
    channel.onmessage = (e) => {
      const msg = core.readMessage(e.data, deckID);
      if (msg) receive(msg, null);
    };
  }
  window.addEventListener("message", (e) => {
    const msg = core.readMessage(e.data, deckID);
    if (!msg || (presenter && e.source !== window.opener)) return;
    receive(msg, e.source);
  });

  // ---- Showing a slide ----

  const show = (i) => {
    index = core.clamp(i, count);
    if (presenter) {
      renderPresenter();
    } else {
      slides.forEach((s, k) => { s.hidden = k !== index; });
      const body = slides[index].querySelector(".slide-body");
      if (body) body.scrollTop = 0;
      fit(slides[index]);
    }
    if (counter) counter.textContent = `${index + 1} / ${count}`;
    for (const b of document.querySelectorAll('[data-action="prev"]')) b.setAttribute("aria-disabled", String(index === 0));
    for (const b of document.querySelectorAll('[data-action="next"]')) b.setAttribute("aria-disabled", String(index === count - 1));
    if (status) status.textContent = t("status", index + 1, count);
  };

  // indexOfHash reads the slide of the URL: "#3", or an anchor of an element on a slide
  // (a footnote, a heading linked from elsewhere).
  const indexOfHash = () => {
    const i = core.slideFromHash(location.hash, count);
    if (i !== null) return i;
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch { /* keep it as it is */ }
    const s = id ? document.getElementById(id)?.closest(".slide") : null;
    return s ? slides.indexOf(s) : null;
  };

  // A new hash is a move made here: a key, a click, back or forward.
  window.addEventListener("hashchange", () => {
    const i = indexOfHash() ?? index;
    if (location.hash !== core.hashOf(i)) history.replaceState(null, "", core.hashOf(i));
    if (i === index) return;
    show(i);
    changed();
  });

  // go moves to slide i; the URL keeps it, as a history entry.
  const go = (i) => {
    if (black) {
      setBlack(false);
      changed();
    }
    i = core.clamp(i, count);
    if (i !== index) location.hash = core.hashOf(i);
  };

  // scrollWithin scrolls a slide too long for the screen by most of its height, and reports
  // whether it did: Space, PageDown and the arrow down read a long slide to its end first.
  const scrollWithin = (dir) => {
    if (presenter) return false;
    const body = slides[index].querySelector(".slide-body");
    if (!body || body.scrollHeight <= body.clientHeight + 1) return false;
    const atEnd = dir > 0 ? body.scrollTop + body.clientHeight >= body.scrollHeight - 1 : body.scrollTop <= 0;
    if (atEnd) return false;
    body.scrollBy({ top: dir * body.clientHeight * 0.85 });
    return true;
  };

  const setBlack = (on) => {
    if (on === black) return;
    black = on;
    if (blackout && !presenter) blackout.hidden = !on;
    const flag = $(".pv-black");
    if (flag) flag.hidden = !on;
    for (const b of document.querySelectorAll('[data-action="black"]')) b.setAttribute("aria-pressed", String(on));
    if (status) status.textContent = on ? t("black") : t("status", index + 1, count);
  };

  const toggleFullscreen = () => {
    const request = document.fullscreenElement ? document.exitFullscreen?.() : root.requestFullscreen?.();
    request?.catch?.(() => { /* refused: full screen needs a user action and a window that allows it */ });
  };
  document.addEventListener("fullscreenchange", () => {
    if (!fullscreenButton) return;
    const on = !!document.fullscreenElement;
    fullscreenButton.setAttribute("aria-pressed", String(on));
    fullscreenButton.textContent = t(on ? "exit_full_screen" : "full_screen");
  });

  const openPresenter = () => {
    const url = new URL(location.href);
    url.search = "?presenter";
    url.hash = core.hashOf(index);
    const w = window.open(url.href, "playbook-presenter", "popup,width=1200,height=760");
    if (!w) {
      if (status) status.textContent = t("popup_blocked");
      return;
    }
    peer = w;
  };

  const act = (action) => {
    switch (action) {
      case "fullscreen": toggleFullscreen(); break;
      case "black": setBlack(!black); changed(); break;
      case "presenter": if (!presenter) openPresenter(); break;
      case "reset": resetTimer(); break;
      default: go(core.target(action, index, count));
    }
  };

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.target.closest?.("input, textarea, select, [contenteditable]")) return;
    const action = core.actionOf(e, !!e.target.closest?.("button, a, summary"));
    if (!action) return;
    if (action === "escape") {
      if (black) { setBlack(false); changed(); } else if (document.fullscreenElement) toggleFullscreen(); else return;
    } else if (action === "presenter" && presenter) {
      return;
    } else if ((action === "down" || action === "up") && scrollWithin(action === "down" ? 1 : -1)) {
      // the long slide scrolled
    } else {
      act(action);
    }
    e.preventDefault();
  });

  for (const b of document.querySelectorAll("[data-action]")) {
    b.addEventListener("click", () => act(b.dataset.action));
  }

  // A click or tap on the right half of a slide moves on, on the left half back; links,
  // controls and selecting text keep their usual meaning.
  deck.addEventListener("click", (e) => {
    if (e.button !== 0 || e.target.closest("a, button, input, select, textarea, summary, label, audio, video")) return;
    if (String(window.getSelection?.() || "") !== "") return;
    go(e.clientX >= window.innerWidth / 2 ? index + 1 : index - 1);
  });
  blackout?.addEventListener("click", () => { setBlack(false); changed(); });

  // The controls fade out when the pointer rests, and come back when it moves.
  let idle = 0;
  const wake = () => {
    root.classList.remove("is-idle");
    clearTimeout(idle);
    idle = setTimeout(() => root.classList.add("is-idle"), 2500);
  };
  if (!presenter) {
    document.addEventListener("pointermove", wake);
    wake();
  }

  // ---- The presenter view ----

  const slot = (name) => pv?.querySelector(`[data-slot="${name}"]`);
  const minutesOf = (s) => Number(s.dataset.minutes || 0);

  // place shows a copy of a slide in a frame of the presenter view, without ids (they stay
  // unique) and without its notes.
  const place = (frame, slide) => {
    if (!frame) return;
    if (!slide) { frame.replaceChildren(); return; }
    const copy = slide.cloneNode(true);
    copy.hidden = false;
    for (const e of [copy, ...copy.querySelectorAll("[id]")]) e.removeAttribute("id");
    copy.removeAttribute("aria-labelledby");
    copy.querySelectorAll(".slide-notes, .slide-script").forEach((e) => e.remove());
    frame.replaceChildren(copy);
    fit(copy);
  };

  const renderPresenter = () => {
    const s = slides[index];
    place(slot("current"), s);
    place(slot("next"), slides[index + 1]);
    const end = pv.querySelector(".presenter-end");
    if (end) end.hidden = index + 1 < count;
    const notes = pv.querySelector(".presenter-notes-body");
    // The section's script (a slide with text of its own), then the trainer's notes.
    if (notes) notes.replaceChildren(...Array.from(s.querySelectorAll(".slide-script, .slide-notes"), (a) => Array.from(a.childNodes, (n) => n.cloneNode(true))).flat());
    const minutes = pv.querySelector(".pv-minutes");
    if (minutes) minutes.textContent = minutesOf(s) ? t("minutes", minutesOf(s)) : "–";
    const section = pv.querySelector(".pv-section");
    if (section) section.textContent = s.dataset.heading || "";
    const number = pv.querySelector(".pv-counter");
    if (number) number.textContent = `${index + 1} / ${count}`;
  };

  const startKey = "playbook-slides-start:" + deckID;
  let start = Date.now();
  const clock = new Intl.DateTimeFormat(root.lang || undefined, { hour: "2-digit", minute: "2-digit" });
  const tick = () => {
    const e = pv.querySelector(".pv-elapsed");
    if (e) e.textContent = core.elapsed(Date.now() - start);
    const c = pv.querySelector(".pv-clock");
    if (c) c.textContent = clock.format(new Date());
    if (peer && !peer.closed) send("ping");
  };
  const resetTimer = () => {
    start = Date.now();
    try { sessionStorage.setItem(startKey, String(start)); } catch { /* storage refused: the timer still runs */ }
    tick();
  };

  // ---- Start ----

  const first = indexOfHash() ?? 0;
  history.replaceState(null, "", location.search + core.hashOf(first));
  if (presenter) {
    root.classList.add("presenter-mode");
    if (pv) pv.hidden = false;
    document.title = t("presenter_title", document.title);
    // The timer runs from the first opening of the view; reloading the view keeps it.
    try {
      start = Number(sessionStorage.getItem(startKey)) || start;
      sessionStorage.setItem(startKey, String(start));
    } catch { /* storage refused: the timer starts now */ }
  }
  fitAll();
  show(first);
  if (presenter) {
    send("hello");
    tick();
    setInterval(tick, 1000);
  }

  let resizing = 0;
  const refit = () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (presenter) renderPresenter(); else fitAll(); }, 100);
  };
  window.addEventListener("resize", refit);
  document.fonts?.ready?.then(refit);

  Playbook.slides = {
    get index() { return index; },
    get black() { return black; },
    get count() { return count; },
    presenter,
  };
})();
