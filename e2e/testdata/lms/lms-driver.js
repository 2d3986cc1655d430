"use strict";
// The test LMS's side: launches a SCO with a fresh runtime (or one loaded with the data a
// previous session left), or a cmi5 AU by its launch URL, lets the test act in the SCO's frames, and shows what the runtime
// recorded.
(() => {
  const wrapper = () => document.getElementById("sco")?.contentWindow;
  const course = () => wrapper()?.document.querySelector(".lms-frame")?.contentWindow;
  const api = () => window.API || window.API_1484_11;

  window.lms = {
    finished: false,
    launch(version, href, stored) {
      const settings = { autocommit: false, logLevel: 5 };
      delete window.API;
      delete window.API_1484_11;
      const runtime = version === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
      if (stored) runtime.loadFromJSON(stored);
      if (version === "1.2") window.API = runtime; else window.API_1484_11 = runtime;
      this.finished = false;
      runtime.on(version === "1.2" ? "LMSFinish" : "Terminate", () => { this.finished = true; });
      const frame = document.createElement("iframe");
      Object.assign(frame, { id: "sco", src: href, width: 1200, height: 700 });
      document.body.append(frame);
    },
    // open frames a launch URL without a SCORM runtime, as a cmi5 LMS launches an AU.
    open(href) {
      this.finished = false;
      const frame = document.createElement("iframe");
      Object.assign(frame, { id: "sco", src: href, width: 1200, height: 700 });
      document.body.append(frame);
    },
    // leave closes the SCO, as an LMS does when the learner goes elsewhere.
    leave() { document.getElementById("sco").remove(); },
    // record is the data model the runtime holds, as JSON.
    record() { return JSON.parse(api().renderCMIToJSONString(api().cmi, true)); },
    status() { return wrapper()?.document.querySelector(".lms-status")?.textContent || ""; },
    // page is the path of the course page the SCO shows, once it has loaded.
    page() {
      try {
        const w = course();
        return w && w.document.readyState === "complete" ? w.location.pathname : "";
      } catch { return ""; }
    },
    ticks() { return Array.from(wrapper().document.querySelectorAll(".lms-pages option"), (o) => o.textContent.startsWith("✓")); },
    show(i) {
      const s = wrapper().document.querySelector(".lms-pages");
      s.value = String(i);
      s.dispatchEvent(new Event("change"));
    },
    // takeQuiz answers the quiz the SCO shows from the page's key, the first question wrongly
    // (a page without the key gets the first choice everywhere), and submits it.
    takeQuiz() {
      const doc = course().document;
      const data = JSON.parse(doc.getElementById("pb-data").textContent);
      data.questions.forEach((q, n) => {
        const li = doc.querySelector(`li.question[data-question="${q.id}"]`);
        const key = n === 0 ? null : q.answer;
        const inputs = Array.from(li.querySelectorAll("input"));
        if (inputs.length) {
          const right = key || [];
          const pick = key ? inputs.filter((i) => right.includes(i.value)) : [inputs.find((i) => !(q.answer || []).includes(i.value)) || inputs[0]];
          pick.forEach((i) => { i.checked = true; });
        }
        li.querySelectorAll(".order-item").forEach((it, k) => {
          const pos = key ? key.indexOf(it.dataset.item) + 1 : k + 1;
          it.querySelector("select").value = String(pos);
        });
        li.querySelectorAll(".match-row").forEach((row) => {
          const select = row.querySelector("select");
          select.value = key ? key[row.dataset.left] : select.options[1].value;
        });
        const text = li.querySelector("textarea");
        if (text) text.value = "Ask the customer first, then write it down.";
      });
      doc.querySelector(".quiz-form").requestSubmit();
    },
  };
})();
