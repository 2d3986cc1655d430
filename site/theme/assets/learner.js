"use strict";
// Playbook learner: the learner's name and class code, kept in the progress store
// (docs/progress.md) so that every export carries them. The progress page's form asks for
// them; a quiz page shows a small prompt while no name is kept, which the learner may
// dismiss. A classic script (pages work from file://), loaded with defer after
// quiz-core.js; quiz.js and progress.js find it as Playbook.learner:
//   storage            the progress store (Playbook.page.store)
//   LearnerForm        binds a form with the inputs "learner" and "class"
//   prompt(form, store) shows a quiz page's prompt when store has no name
//   forget()           forgets that the prompt was dismissed (a reset starts afresh)
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});
  if (Playbook.learner) return;
  const core = Playbook.quizCore, page = Playbook.page;
  const t = page.translator();
  const storage = page.store(core.storageKey(page.site), core.storeOptions(page.site));

  // The prompt on quiz pages stays away once dismissed: this key remembers when.
  const promptKey = `playbook:${page.site}:name-prompt:v${core.VERSION}`;
  const dismissed = () => {
    try { return localStorage.getItem(promptKey) !== null; } catch { return false; }
  };
  const dismiss = () => {
    try { localStorage.setItem(promptKey, new Date().toISOString()); } catch { /* asked again next time */ }
  };
  const forget = () => {
    try { localStorage.removeItem(promptKey); } catch { /* nothing kept */ }
  };

  // LearnerForm keeps the name and class code of a form in the progress store: when an input
  // changes (leaving it) and when the form is submitted. saved(store, submitted) runs after
  // each save and returns the message to show when the learner submitted; needName makes
  // submitting without a name ask for one instead. Saving as the focus leaves a field
  // shows nothing new, since that happens as a click elsewhere begins: a message appearing
  // then would move what the pointer is on.
  class LearnerForm {
    constructor(form, { saved = () => "", needName = false } = {}) {
      this.form = form;
      this.name = form.elements.namedItem("learner");
      this.class = form.elements.namedItem("class");
      this.message = form.querySelector(".learner-message");
      this.saved = saved;
      this.needName = needName;
      this.name.maxLength = core.NAME_MAX;
      this.class.maxLength = core.CLASS_MAX;
      form.addEventListener("submit", (e) => { e.preventDefault(); this.save(true); });
      for (const input of [this.name, this.class]) input.addEventListener("change", () => this.save(false));
    }

    // show fills the inputs from the store (not the one the learner is typing in).
    show(store) {
      if (document.activeElement !== this.name) this.name.value = store.learner || "";
      if (document.activeElement !== this.class) this.class.value = store.class || "";
    }

    // save writes the inputs into a freshly read store, so that results another tab
    // recorded meanwhile are kept. submitted says whether the learner asked to save.
    save(submitted) {
      const learner = core.cleanText(this.name.value, core.NAME_MAX), cls = core.cleanText(this.class.value, core.CLASS_MAX);
      if (submitted && this.needName && !learner) {
        this.say(t("learner_need_name"));
        this.name.focus();
        return;
      }
      const { store, notice } = storage.load();
      if (!submitted && learner === store.learner && cls === store.class) return;
      store.learner = learner;
      store.class = cls;
      if (notice === "storage_unavailable" || !storage.save(store)) {
        this.say(t("storage_unavailable"));
        return;
      }
      const message = this.saved(store, submitted);
      this.say(submitted ? message : "");
    }

    say(text) { if (this.message) this.message.textContent = text; }
  }

  // prompt shows the quiz page's prompt (form[data-learner-prompt], in the learner edition
  // only) while the progress store (as the page loaded it) keeps no name and the learner has
  // not dismissed it. It never takes the focus and never stands in the way of the quiz;
  // once the learner saves a name, only the thanks stay.
  const prompt = (form, store) => {
    if (store.learner || dismissed()) return;
    const lf = new LearnerForm(form, {
      needName: true,
      saved: (s, submitted) => {
        if (!submitted || !s.learner) return "";
        for (const part of form.querySelectorAll(".learner-fields, .learner-actions, .learner-prompt-text")) part.hidden = true;
        const message = form.querySelector(".learner-message");
        message.tabIndex = -1;
        queueMicrotask(() => message.focus()); // the button that had the focus is gone
        return t("learner_prompt_saved", s.learner);
      },
    });
    lf.show(store);
    form.querySelector('[data-action="dismiss"]')?.addEventListener("click", () => {
      dismiss();
      form.hidden = true;
    });
    form.hidden = false;
  };

  Playbook.learner = { storage, LearnerForm, prompt, forget };
})();
