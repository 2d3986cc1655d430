package e2e

import (
	"slices"
	"strings"
	"testing"

	"playbook/site/pipeline"
)

// oldChannels are the data-* attributes through which material pages once handed their data
// to the scripts; the page data (pb-data, docs/scripts.md) carries it now.
const oldChannels = "[data-answer], li.option[data-right], [data-key], [data-type], [data-points], [data-pass-mark], " +
	"[data-max-points], [data-version], [data-mode], [data-time-limit], [data-shuffle-options], [data-shuffle-questions], " +
	"[data-items], [data-weight], [data-na], [data-todo], [data-min], [data-max], [data-share], [data-method], " +
	"[data-when], [data-x], [data-y], [data-split], [data-yes-no], [data-formula], [data-decimals], [data-kind], [data-section]"

// TestMaterialPageData checks, in both editions, that every quiz, checklist and worksheet page
// loads the shared page script first and once, carries exactly one page data block that its
// script reads, and no longer hands data over in attributes; that packs carry none; and that
// the learner's exam page holds no answer while the trainer's does.
func TestMaterialPageData(t *testing.T) {
	pages := map[string]string{ // page -> the attribute of its article's id
		basicsEN: "quiz", examEN: "quiz", prospectsEN: "checklist",
		tiersEN: "worksheet", accountsEN: "worksheet", manEN: "worksheet", matrixEN: "worksheet", taxiEN: "worksheet",
	}
	for _, ed := range []pipeline.Edition{pipeline.Learner, pipeline.Trainer} {
		s := buildQuizSite(t, ed)
		b := newTab(t, s, s.root)
		for page, kind := range pages {
			b.open(page)
			scripts := b.strs(`Array.from(document.querySelectorAll("script[src]"), s => s.getAttribute("src").split("/").pop())`)
			if len(scripts) == 0 || scripts[0] != "page.js" || slices.Index(scripts[1:], "page.js") >= 0 {
				t.Errorf("%s %s loads %v, want page.js first and once", ed, page, scripts)
			}
			if n := b.count(`script[type="application/json"]#pb-data`); n != 1 {
				t.Errorf("%s %s has %d page data blocks, want 1", ed, page, n)
			}
			id := b.str(`document.querySelector("article[data-` + kind + `]").dataset.` + kind)
			if got := b.str(`(() => { const d = Playbook.page.data(); return d ? String(d.` + map[bool]string{true: "quiz", false: "id"}[kind == "quiz"] + `) : "no data"; })()`); got != id {
				t.Errorf("%s %s: the page data is of %q, want %q", ed, page, got, id)
			}
			if n := b.count(oldChannels); n != 0 {
				t.Errorf("%s %s: %d elements still carry data in attributes: %v", ed, page, n,
					b.strs(`Array.from(document.querySelectorAll(`+jsString(oldChannels)+`), e => e.outerHTML.slice(0, 80))`))
			}
		}
		b.open(examEN)
		answers := b.str(`JSON.stringify(Playbook.page.data().questions.map(q => q.answer ?? null))`)
		if ed == pipeline.Learner && (answers != "[null]" || strings.Contains(b.str(`document.getElementById("pb-data").textContent`), "answer")) {
			t.Errorf("the learner's exam page data holds answers: %s", answers)
		}
		if ed == pipeline.Trainer && answers != `[["a"]]` {
			t.Errorf("the trainer's exam page data holds the answers %s, want [[\"a\"]]", answers)
		}
		for _, pack := range []string{"en/packs/day-01.html", "en/packs/day-02.html"} {
			b.open(pack)
			if n := b.count("#pb-data"); n != 0 {
				t.Errorf("%s %s carries %d page data blocks, want none", ed, pack, n)
			}
		}
	}
}
