"use strict";
// Playbook slides core: pure functions, no DOM. Which key does what, the slide number in the
// URL, the messages that keep the slides window and the presenter window in step, the
// timer's text, and the search for the largest type that fits a slide.
// slides.js holds the page code, page.js what every page script shares; all share the one
// global namespace Playbook.
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});

  // APP marks the messages of the slides windows among any others a window receives.
  const APP = "playbook-slides";

  // clamp keeps a slide index within 0..count-1.
  const clamp = (i, count) => Math.max(0, Math.min(count - 1, Math.trunc(i) || 0));

  // slideFromHash reads "#3" as the index 2; anything else (an anchor such as "#fn:1", no
  // hash) gives null, so that the page can look for the element instead.
  const slideFromHash = (hash, count) => {
    const m = /^#?(\d{1,6})$/.exec(String(hash || ""));
    return m ? clamp(Number(m[1]) - 1, count) : null;
  };

  // hashOf is the hash of the slide at index i.
  const hashOf = (i) => "#" + (i + 1);

  // KEYS maps KeyboardEvent.key to an action. Presentation clickers send PageUp and
  // PageDown, and B or "." for a black screen, as they do for other presentation programs.
  const KEYS = {
    ArrowRight: "next", ArrowDown: "down", PageDown: "down", " ": "down", Spacebar: "down", Enter: "next", n: "next", N: "next",
    ArrowLeft: "prev", ArrowUp: "up", PageUp: "up", Backspace: "prev", p: "prev", P: "prev",
    Home: "first", End: "last", f: "fullscreen", F: "fullscreen", b: "black", B: "black", ".": "black",
    s: "presenter", S: "presenter", Escape: "escape", Esc: "escape",
  };

  // actionOf returns what a key press asks for, or null for keys the slides leave alone:
  // presses with Ctrl, Alt or Meta (browser shortcuts), and Enter or Space on a control that
  // they activate. "down" and "up" move to the next or previous slide once the current one,
  // if it scrolls, has shown its end or its start.
  const actionOf = (e, onControl = false) => {
    if (!e || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
    if (onControl && (e.key === "Enter" || e.key === " " || e.key === "Spacebar")) return null;
    return Object.hasOwn(KEYS, e.key) ? KEYS[e.key] : null;
  };

  // target returns the slide an action leads to from index i of count, or i.
  const target = (action, i, count) => {
    switch (action) {
      case "next": case "down": return clamp(i + 1, count);
      case "prev": case "up": return clamp(i - 1, count);
      case "first": return 0;
      case "last": return count - 1;
    }
    return i;
  };

  // message builds what a window sends about its deck: "state" (the slide, the black screen
  // and when the change was made), "hello" (a window that has just opened asks for the
  // state) or "ping" (the presenter window tells a reloaded slides window where it is).
  const message = (deck, type, state = {}) => ({
    app: APP, deck, type, index: state.index ?? 0, black: !!state.black, at: state.at ?? 0,
  });

  // readMessage returns a message of the deck, or null for anything else.
  const readMessage = (data, deck) => {
    if (!data || typeof data !== "object" || data.app !== APP || data.deck !== deck) return null;
    if (!["state", "hello", "ping"].includes(data.type)) return null;
    if (!Number.isInteger(data.index) || data.index < 0 || typeof data.black !== "boolean" || typeof data.at !== "number") return null;
    return data;
  };

  // newer reports whether a state message is later than the change the window last made or
  // followed. The two windows send each change by two ways at once (BroadcastChannel and
  // postMessage), so a copy can arrive late: times of change put them in order, and a copy
  // of what the window has already done is not newer.
  const newer = (msg, lastAt) => msg.at > lastAt;

  // stamp returns the time of a new change: now, and always after the last one.
  const stamp = (lastAt, now = Date.now()) => Math.max(now, lastAt + 1);

  // elapsed formats a duration in milliseconds as m:ss, or h:mm:ss from an hour.
  const elapsed = (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = String(s % 60).padStart(2, "0");
    return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
  };

  // largestFit returns the largest scale in [lo, 1] for which fits(scale) holds, to within
  // about 1%, or lo when none does. fits must be true for every scale below one it is true
  // for, as text that fits at one size fits at any smaller size.
  const largestFit = (fits, lo) => {
    if (fits(1)) return 1;
    if (!fits(lo)) return lo;
    let good = lo, bad = 1;
    while (bad - good > 0.01) {
      const mid = (good + bad) / 2;
      if (fits(mid)) good = mid; else bad = mid;
    }
    return Math.floor(good * 1000) / 1000;
  };

  Playbook.slidesCore = {
    APP, clamp, slideFromHash, hashOf, actionOf, target, message, readMessage, newer, stamp, elapsed, largestFit,
  };
})();
