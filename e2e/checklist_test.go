package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/internal/browsertest"
	"playbook/site/checklist"
	"playbook/site/material"
	"playbook/site/pipeline"
)

const (
	flagshipID  = "prospect-development"
	flagshipEN  = "en/checklists/prospect-development.html"
	prospectsEN = "en/checklists/prospects.html"
	prospectsZH = "zh-CN/checklists/prospects.html"
)

// flagshipPlan is what the tests answer on the 23 items of the prospect development
// checklist, in page order: 32 of 42 points (two N/A), 76%, "Gaps to close", seven actions.
// The case "23 items with two not applicable" of score-vectors.json has the same answers.
var flagshipPlan = strings.Fields(`yes yes partly no  yes yes na partly yes  yes no partly yes yes na yes
	partly yes yes no yes yes yes`)

// checklistTab opens page on a fresh tab with the saved checklists cleared (every file://
// page shares one storage).
func checklistTab(t *testing.T, s *site, page string) *tab {
	t.Helper()
	b := newTab(t, s, s.root)
	b.open(page)
	b.run(`localStorage.clear()`)
	b.open(page)
	return b
}

// checklistKey returns where the page keeps its saved checklists.
func (b *tab) checklistKey() string {
	b.t.Helper()
	return "playbook:" + b.str(`document.body.dataset.site`) + ":checklists:v1"
}

// itemIDs lists the item ids of the checklist on the page, in order.
func (b *tab) itemIDs() []string {
	b.t.Helper()
	return b.strs(`Array.from(document.querySelectorAll("main tr.checklist-item"), tr => tr.dataset.item)`)
}

// checked maps every item to its ticked level, or "".
func (b *tab) checked() map[string]string {
	b.t.Helper()
	return browsertest.Eval[map[string]string](b.t, b.ctx, `Object.fromEntries(Array.from(document.querySelectorAll("main tr.checklist-item"),
		tr => [tr.dataset.item, tr.querySelector("input:checked")?.value || ""]))`)
}

// scoreLine returns the earned, max, percent and band outputs and the answered count.
func (b *tab) scoreLine() []string {
	b.t.Helper()
	return b.strs(`["earned", "max", "percent", "band"].map(n => document.querySelector("main .checklist-result output[name=" + n + "]").textContent)
		.concat([document.querySelector(".score-answered").textContent])`)
}

// actionItems lists the items of the action list, in order.
func (b *tab) actionItems() []string {
	b.t.Helper()
	return b.strs(`Array.from(document.querySelectorAll("main .action-table tr.action-row"), tr => tr.dataset.item)`)
}

// planAnswers maps the plan onto the page's items.
func planAnswers(ids []string, plan []string) map[string]string {
	m := map[string]string{}
	for i, id := range ids {
		if i < len(plan) && plan[i] != "" {
			m[id] = plan[i]
		}
	}
	return m
}

// fillByMouse ticks the answers by clicking the radios.
func (b *tab) fillByMouse(answers map[string]string, ids []string) {
	b.t.Helper()
	for _, id := range ids {
		if a := answers[id]; a != "" {
			b.click(`input[name="` + id + `"][value="` + a + `"]`)
		}
	}
}

// fillByKeyboard ticks the answers of ids with the keyboard alone: Tab to each item's radio
// group, Space to tick the first level, arrow keys to move to the one wanted.
func (b *tab) fillByKeyboard(answers map[string]string, ids []string, levels []string) {
	b.t.Helper()
	b.run(`document.querySelector("main").focus()`)
	for _, id := range ids {
		for i := 0; !strings.HasPrefix(b.focused(), id+"="); i++ {
			if i == 40 {
				b.t.Fatalf("Tab never reached item %s; the focus is on %s", id, b.focused())
			}
			b.keys(kb.Tab)
		}
		b.keys(" ")
		for range slices.Index(levels, answers[id]) {
			b.keys(kb.ArrowRight)
		}
		if got := b.focused(); got != id+"="+answers[id] {
			b.t.Fatalf("keyboard: item %s has the focus on %s, want %s", id, got, answers[id])
		}
	}
}

// setInput gives an input a value the way a date picker does, with an input event.
func (b *tab) setInput(sel, value string) {
	b.t.Helper()
	b.run(`const i = document.querySelector(` + jsString(sel) + `); i.value = ` + jsString(value) + `; i.dispatchEvent(new Event("input", {bubbles: true}))`)
}

// typeInto clicks into a text input, clears it and types text.
func (b *tab) typeInto(sel, text string) {
	b.t.Helper()
	b.run(`document.querySelector(` + jsString(sel) + `).value = ""`)
	b.do("typing into "+sel, chromedp.Click(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), text))
}

// goChecklist returns a checklist of the course as the Go side reads it.
func goChecklist(t *testing.T, s *site, id string) *checklist.Checklist {
	t.Helper()
	for _, c := range material.Of[*checklist.Checklist](s.course.Materials) {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("the course has no checklist %s", id)
	return nil
}

// checklistStore is the stored value of docs/checklists.md; decoding rejects unknown
// fields, so the store and its documentation stay in step.
type checklistStore struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	Site       string `json:"site"`
	Checklists map[string]struct {
		Open   *string         `json:"open"`
		Copies []checklistCopy `json:"copies"`
	} `json:"checklists"`
}

type checklistCopy struct {
	ID      string                  `json:"id"`
	Name    string                  `json:"name"`
	Created string                  `json:"created"`
	Updated string                  `json:"updated"`
	Version string                  `json:"version"`
	Fields  map[string]string       `json:"fields"`
	Answers map[string]string       `json:"answers"`
	Actions map[string]actionFields `json:"actions"`
}

type actionFields struct {
	Owner string `json:"owner"`
	Due   string `json:"due"`
}

// checklistFile is the JSON export of docs/checklists.md.
type checklistFile struct {
	Format           string                  `json:"format"`
	Version          int                     `json:"version"`
	Site             string                  `json:"site"`
	Lang             string                  `json:"lang"`
	Checklist        string                  `json:"checklist"`
	ChecklistVersion string                  `json:"checklist_version"`
	Exported         string                  `json:"exported"`
	Name             string                  `json:"name"`
	Created          string                  `json:"created"`
	Updated          string                  `json:"updated"`
	Fields           map[string]string       `json:"fields"`
	Answers          map[string]string       `json:"answers"`
	Actions          map[string]actionFields `json:"actions"`
	Score            struct {
		Earned        float64 `json:"earned"`
		Max           float64 `json:"max"`
		Percent       *int    `json:"percent"`
		Band          *string `json:"band"`
		Answered      int     `json:"answered"`
		NotApplicable int     `json:"not_applicable"`
		Items         int     `json:"items"`
	} `json:"score"`
}

func decodeStrict[T any](t *testing.T, what string, data []byte) *T {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var v T
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s is not in the documented format: %v\n%s", what, err, data)
	}
	return &v
}

// checklistStored returns the stored checklists, decoded, or nil.
func (b *tab) checklistStored() *checklistStore {
	b.t.Helper()
	raw := b.str(`localStorage.getItem(` + jsString(b.checklistKey()) + `) || ""`)
	if raw == "" {
		return nil
	}
	st := decodeStrict[checklistStore](b.t, "the stored checklists", []byte(raw))
	if st.Format != "playbook-checklists" || st.Version != 1 || st.Site != b.str(`document.body.dataset.site`) {
		b.t.Fatalf("the store has format %q version %d site %q", st.Format, st.Version, st.Site)
	}
	return st
}

func TestChecklistScorerAgreesWithVectors(t *testing.T) {
	raw, err := os.ReadFile("../site/checklist/testdata/score-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Cases []struct {
			Name   string          `json:"name"`
			Expect json.RawMessage `json:"expect"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors.Cases) < 12 {
		t.Fatalf("score-vectors.json has %d cases", len(vectors.Cases))
	}
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(prospectsEN)
	got := browsertest.Eval[[]string](t, b.ctx, `(() => { const v = `+string(raw)+`;
		return v.cases.map(c => {
			const levels = v.scales[c.scale || "default"].map(l => ({id: l.id, points: l.points ?? 0, na: !!l.not_applicable, todo: !!l.action}));
			const def = {items: c.items.map(i => ({id: i.id, weight: i.weight ?? 1})), levels, bands: v.band_sets[c.bands || "default"]};
			const r = Playbook.checklistCore.score(def, c.answers);
			return JSON.stringify({earned: r.earned, max: r.max, percent: r.percent, band: r.band ?? "", answered: r.answered,
				not_applicable: r.notApplicable, actions: r.actions});
		}); })()`)
	if len(got) != len(vectors.Cases) {
		t.Fatalf("the page scored %d cases, want %d", len(got), len(vectors.Cases))
	}
	type result struct {
		Earned, Max   float64
		Percent       int
		Band          string
		Answered      int
		NotApplicable int `json:"not_applicable"`
		Actions       []string
	}
	for i, c := range vectors.Cases {
		var g, w result
		if err := json.Unmarshal([]byte(got[i]), &g); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(c.Expect, &w); err != nil {
			t.Fatal(err)
		}
		if math.Abs(g.Earned-w.Earned) > 1e-9 || math.Abs(g.Max-w.Max) > 1e-9 || g.Percent != w.Percent || g.Band != w.Band ||
			g.Answered != w.Answered || g.NotApplicable != w.NotApplicable || !slices.Equal(g.Actions, w.Actions) {
			t.Errorf("case %q: checklist-core.js gives %+v, want %+v", c.Name, g, w)
		}
	}
}

func TestChecklistCoreHelpers(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open(prospectsEN)
	got := b.str(`(() => {
		const c = Playbook.checklistCore;
		const def = {id: "x", version: "v1", fields: ["team"], items: [{id: "a", number: "1", text: "Say \"hi\", then\nwait", section: "s", sectionTitle: "S", weight: 1.5}],
			levels: [{id: "yes", label: "Yes", points: 2}, {id: "no", label: "No", points: 0, todo: true}], bands: []};
		const copy = {name: "=SUM(A1)", fields: {team: "+North"}, answers: {a: "no"}, actions: {a: {owner: "-me", due: "2026-12-01"}}};
		const csv = c.exportCSV(def, copy);
		const back = c.importFile(def, csv);
		return JSON.stringify([
			c.percentOf(23, 40), c.percentOf(1, 3), c.percentOf(0, 0), Playbook.page.format("%s of %s (%s%%)", 1, 2, 3),
			csv.split("\r\n")[1], back,
			c.parseCSV("a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\n\n"),
			c.fileName("prospects", "Lee: week 48 / north", "csv", new Date("2026-11-25T10:00:00Z")),
			c.fileName("prospects", "", "json", new Date("2026-11-25T10:00:00Z")),
			[c.parseStore("{", "s").error, c.parseStore("[]", "s").error, c.parseStore(JSON.stringify(c.emptyStore("t")), "s").error,
			 c.parseStore(null, "s").store.site, c.parseStore(JSON.stringify({format: c.STORE_FORMAT, version: 1, site: "s",
			   checklists: {x: {open: null, copies: [{id: "1", name: "n", created: "x", updated: "x", version: "", fields: {}, answers: {}, actions: {}}]}}}), "s").error],
			c.importFile(def, '{"format": "playbook-checklist", "version": 1, "checklist": "y"}'),
			c.importFile(def, "item_id,answer_id\na,yes"),
			c.importFile(def, '{"format": "playbook-checklist", "version": 1, "checklist": "x", "answers": {"a": "yes", "gone": "no", "__proto__": "x"}}').error,
			c.importFile(def, '{"format": "playbook-checklist", "version": 1, "checklist": "x", "answers": {"a": "maybe", "gone": "no"}}'),
		]);
	})()`)
	want := `[58,33,0,"1 of 2 (3%)",` +
		`"1,S,a,\"Say \"\"hi\"\", then\nwait\",no,No,0,1.5,'-me,2026-12-01,x,v1,'=SUM(A1),'+North",` +
		`{"copy":{"name":"=SUM(A1)","version":"v1","fields":{"team":"+North"},"answers":{"a":"no"},"actions":{"a":{"owner":"-me","due":"2026-12-01"}}},"dropped":0},` +
		`[["a","b"],["x;y","say \"hi\""]],"prospects-Lee-week-48-north-2026-11-25.csv","prospects-2026-11-25.json",` +
		`["json","shape","site","s","shape"],{"error":"other","checklist":"y"},{"error":"format"},"format",` +
		`{"copy":{"name":"","version":"","fields":{},"answers":{},"actions":{}},"dropped":2}]`
	if got != want {
		t.Errorf("checklist-core helpers:\n got %s\nwant %s", got, want)
	}
}

func TestChecklistFillAndScore(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	c := goChecklist(t, s, flagshipID)
	b := checklistTab(t, s, flagshipEN)
	ids := b.itemIDs()
	if len(ids) != 23 || len(flagshipPlan) != 23 {
		t.Fatalf("the page has %d items and the plan %d, want 23", len(ids), len(flagshipPlan))
	}
	if got, want := b.scoreLine(), []string{"____", "____", "____", "__________", "Answered: 0 of 23"}; !slices.Equal(got, want) {
		t.Errorf("before any answer the score line reads %q, want %q", got, want)
	}
	if got := b.text(".action-empty"); got != "Nothing on the action list yet." || b.visible(".action-blank") {
		t.Errorf("the empty action list reads %q (blank rows shown: %v)", got, b.visible(".action-blank"))
	}

	// Items 1-12 with the keyboard, 13-23 with the mouse.
	answers := planAnswers(ids, flagshipPlan)
	levels := b.strs(`Array.from(document.querySelectorAll("main tr.checklist-item")[0].querySelectorAll("input"), i => i.value)`)
	b.fillByKeyboard(answers, ids[:12], levels)
	b.fillByMouse(answers, ids[12:])
	if got := b.checked(); !mapsEqual(got, answers) {
		t.Fatalf("ticked %v, want %v", got, answers)
	}

	// The score is the Go scorer's, shown with the band's label and advice.
	r := checklist.Score(c, answers)
	if r.Earned != 32 || r.Max != 42 || r.Percent != 76 || r.Band == nil || r.Band.ID != "gaps-to-close" {
		t.Fatalf("the Go scorer gives %v/%v %d%% %v; the plan expects 32/42 76%% gaps-to-close", r.Earned, r.Max, r.Percent, r.Band)
	}
	band := r.Band.Label.Get("en")
	if got, want := b.scoreLine(), []string{"32", "42", "76%", band, "Answered: 23 of 23"}; !slices.Equal(got, want) {
		t.Errorf("the score line reads %q, want %q", got, want)
	}
	if got := b.text(".checklist-result .score-line"); got != "Score: 32 / 42 Percent: 76% Result: "+band+" Answered: 23 of 23" {
		t.Errorf("the score line reads %q", got)
	}
	advice := b.str(`(li => { const c = li.cloneNode(true); c.querySelector("strong").remove(); return c.textContent.replace(/^:\s*/, "").trim(); })(document.querySelector('.bands li[data-band="gaps-to-close"]'))`)
	if got := b.text(".band-advice"); got != normalize(advice) || !strings.HasPrefix(got, "The basics are there") {
		t.Errorf("the advice reads %q, want %q", got, advice)
	}
	if got := b.strs(`Array.from(document.querySelectorAll('.bands li[aria-current="true"].is-current'), li => li.dataset.band)`); !slices.Equal(got, []string{"gaps-to-close"}) {
		t.Errorf("the bands marked current are %v", got)
	}
	if got := b.str(`document.querySelector(".checklist-result").getAttribute("aria-live") + "/" + document.querySelector(".score-line").getAttribute("aria-atomic")`); got != "polite/true" {
		t.Errorf("the result region has aria-live/aria-atomic %s, want polite/true", got)
	}
	var wantActions []string
	for _, it := range r.Actions {
		wantActions = append(wantActions, it.ID)
	}
	if got := b.actionItems(); !slices.Equal(got, wantActions) || len(got) != 7 {
		t.Errorf("the action list holds %v, want %v", got, wantActions)
	}
	if got, want := b.text(".action-row .action-text"), "3. The prospects have been divided into market segments."; got != want {
		t.Errorf("the first action reads %q, want %q", got, want)
	}
	if b.visible(".action-empty") || b.visible(".action-blank") {
		t.Error("with actions listed, the empty message or the blank rows still show")
	}
	labels := b.strs(`Array.from(document.querySelectorAll(".action-row input"), i => i.closest("label").textContent)`)
	if len(labels) != 14 || labels[0] != "Owner: The prospects have been divided into market segments." || labels[1] != "Due date: The prospects have been divided into market segments." {
		t.Errorf("the action inputs are labelled %q", labels)
	}
	if n := b.num(`Array.from(document.querySelectorAll("main input, main select")).filter(i => !i.labels?.length && !i.closest("label")).length`); n != 0 {
		t.Errorf("%v inputs have no label", n)
	}

	// Header fields and the action list's owners and dates are kept too.
	b.typeInto(`input[name="team"]`, "North")
	b.typeInto(`input[name="person"]`, "Lee Wong")
	b.setInput(`input[name="date"]`, "2026-11-25")
	b.typeInto(`.action-row[data-item="prospects-segmented"] input[data-field="owner"]`, "Dana")
	b.setInput(`.action-row[data-item="prospects-segmented"] input[data-field="due"]`, "2026-12-01")
	st := b.checklistStored()
	if st == nil || len(st.Checklists[flagshipID].Copies) != 1 {
		t.Fatalf("after filling in, the store is %+v", st)
	}
	cp := st.Checklists[flagshipID].Copies[0]
	if !mapsEqual(cp.Answers, answers) || cp.Fields["team"] != "North" || cp.Fields["person"] != "Lee Wong" || cp.Fields["date"] != "2026-11-25" ||
		cp.Actions["prospects-segmented"] != (actionFields{"Dana", "2026-12-01"}) || cp.Name != "Copy 1" || cp.Version != b.str(`Playbook.page.data().version`) {
		t.Errorf("the stored copy is %+v", cp)
	}

	// Reload: everything is back.
	b.open(flagshipEN)
	if got := b.checked(); !mapsEqual(got, answers) {
		t.Errorf("after reloading, ticked %v", got)
	}
	if got := b.strs(`["team", "person", "date"].map(n => document.querySelector("input[name=" + n + "]").value)`); !slices.Equal(got, []string{"North", "Lee Wong", "2026-11-25"}) {
		t.Errorf("after reloading, the header reads %q", got)
	}
	if got := b.str(`document.querySelector('.action-row[data-item="prospects-segmented"] input[data-field="owner"]').value`); got != "Dana" {
		t.Errorf("after reloading, the owner is %q", got)
	}
	if got := b.scoreLine(); got[2] != "76%" || got[3] != band {
		t.Errorf("after reloading, the score line reads %q", got)
	}

	// Save, then save a second copy and switch between them with the keyboard.
	b.clickButton("Save")
	if got := b.text(".ck-message"); !strings.HasPrefix(got, "“Copy 1” is saved in this browser (") {
		t.Errorf("Save says %q", got)
	}
	b.clickButton("Save as a new copy")
	if got := b.text(".ck-message"); got != "Saved as a new copy: “Copy 2”." {
		t.Errorf("Save as a new copy says %q", got)
	}
	b.click(`input[name="sales-map"][value="no"]`)
	b.typeInto(".ck-name", "Lee, second look")
	if got := b.scoreLine(); got[0] != "30" || got[2] != "71%" {
		t.Errorf("in the second copy the score line reads %q, want 30 points, 71%%", got)
	}
	options := `Array.from(document.querySelectorAll(".ck-open option"), o => o.textContent.replace(/ · .*/, ""))`
	if got := b.strs(options); !slices.Equal(got, []string{"Copy 1", "Lee, second look"}) {
		t.Errorf("the copies to open are %q", got)
	}
	b.do("focusing the copy selector", chromedp.Focus(chromedp.CSS(".ck-open")))
	b.keys(kb.ArrowUp)
	b.waitFor(`document.querySelector(".ck-name").value === "Copy 1"`, "Copy 1 to open")
	if got := b.checked(); !mapsEqual(got, answers) || b.scoreLine()[2] != "76%" {
		t.Errorf("back in Copy 1, ticked %v and the score line reads %q", got, b.scoreLine())
	}
	if got := b.text(".ck-message"); got != "Opened “Copy 1”." {
		t.Errorf("opening a copy says %q", got)
	}
	b.keys(kb.ArrowDown)
	b.waitFor(`document.querySelector(".ck-name").value === "Lee, second look"`, "the second copy to open")
	if got := b.checked()["sales-map"]; got != "no" {
		t.Errorf("in the second copy, sales-map is %q", got)
	}
	b.open(flagshipEN)
	if got := b.str(`document.querySelector(".ck-name").value`); got != "Lee, second look" || b.checked()["sales-map"] != "no" {
		t.Errorf("after reloading, the open copy is %q", got)
	}

	// A new blank copy, then delete it: asked first, and the page falls back to a saved copy.
	b.clickButton("New blank copy")
	if got := b.scoreLine(); got[4] != "Answered: 0 of 23" || b.str(`document.querySelector(".ck-name").value`) != "Copy 2" || len(b.strs(options)) != 3 {
		t.Errorf("after New blank copy the score line reads %q, the name %q, the copies %q", got, b.str(`document.querySelector(".ck-name").value`), b.strs(options))
	}
	var accept atomic.Bool
	msgs := dialogs(b.ctx, &accept)
	b.clickButton("Delete this copy")
	select {
	case m := <-msgs:
		if m != "Delete the copy “Copy 2”? This cannot be undone." {
			t.Errorf("deleting asks %q", m)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("Delete this copy asked nothing")
	}
	if len(b.strs(options)) != 3 {
		t.Error("cancelling the deletion deleted the copy")
	}
	accept.Store(true)
	b.clickButton("Delete this copy")
	<-msgs
	b.waitFor(`document.querySelector(".ck-message").textContent === "Deleted “Copy 2”."`, "the deletion")
	if got := b.strs(options); !slices.Equal(got, []string{"Copy 1", "Lee, second look"}) || b.checked()["sales-map"] != "no" {
		t.Errorf("after deleting, the copies are %q and sales-map is %q", got, b.checked()["sales-map"])
	}
	if st := b.checklistStored(); len(st.Checklists[flagshipID].Copies) != 2 {
		t.Errorf("after deleting, %d copies are stored", len(st.Checklists[flagshipID].Copies))
	}
}

// download runs click, which starts a download, and returns the file's name and content.
func (b *tab) download(click func()) (string, []byte) {
	b.t.Helper()
	dir := b.t.TempDir()
	progress := chromedp.Events(b.ctx, browser.DownloadProgress)
	begin := chromedp.Events(b.ctx, browser.DownloadWillBegin)
	if _, err := chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptrTo(true),
	}); err != nil {
		b.t.Fatal(err)
	}
	defer func() {
		_, _ = chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorDefault})
	}()
	click()
	var name string
	for ev, err := range begin {
		if err != nil {
			b.t.Fatal(err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			b.t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				b.t.Fatal(err)
			}
			return name, data
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			b.t.Fatal("the download was cancelled")
		}
	}
	return name, nil
}

// importChecklist chooses a file in the import control and waits for the page's message.
func (b *tab) importChecklist(name string, data []byte) string {
	b.t.Helper()
	path := filepath.Join(b.t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.run(`document.querySelector(".ck-message").textContent = ""`)
	b.do("choosing "+name, chromedp.SetUploadFiles(chromedp.CSS(`.checklist-tools input[type="file"]`), []string{path}))
	b.waitFor(`document.querySelector(".ck-message").textContent !== ""`, "the import message")
	return b.text(".ck-message")
}

func TestChecklistExportImport(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := checklistTab(t, s, flagshipEN)
	ids := b.itemIDs()
	answers := planAnswers(ids, flagshipPlan)
	b.fillByMouse(answers, ids)
	b.typeInto(`input[name="team"]`, "North, \"A\" team")
	b.typeInto(`input[name="reviewer"]`, "=Kim")
	b.typeInto(`.action-row[data-item="prospects-segmented"] input[data-field="owner"]`, "Dana")
	b.setInput(`.action-row[data-item="prospects-segmented"] input[data-field="due"]`, "2026-12-01")
	today := time.Now().UTC().Format("2006-01-02")
	version := b.str(`Playbook.page.data().version`)

	// CSV: a BOM for Excel, a header row, one row per item.
	name, csvData := b.download(func() { b.clickButton("Export as CSV (Excel)") })
	if want := "prospect-development-Copy-1-" + today + ".csv"; name != want {
		t.Errorf("the CSV is named %q, want %q", name, want)
	}
	if got := b.text(".ck-message"); got != "“"+name+"” has been downloaded." {
		t.Errorf("after exporting, the message reads %q", got)
	}
	body, ok := bytes.CutPrefix(csvData, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Error("the CSV does not start with a UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, body)
	}
	wantHead := []string{"number", "section", "item_id", "item_text", "answer_id", "answer_label", "points", "weight", "owner", "due",
		"checklist", "checklist_version", "copy_name", "team", "person", "date", "reviewer"}
	if len(rows) != 24 || !slices.Equal(rows[0], wantHead) {
		t.Fatalf("the CSV has %d rows and the header %q", len(rows), rows[0])
	}
	wantRow := []string{"3", "Know the territory", "prospects-segmented", "The prospects have been divided into market segments.", "partly", "Partly", "1", "1",
		"Dana", "2026-12-01", flagshipID, version, "Copy 1", "North, \"A\" team", "", "", "'=Kim"}
	if !slices.Equal(rows[3], wantRow) {
		t.Errorf("CSV row 3:\n got %q\nwant %q", rows[3], wantRow)
	}
	if r := rows[7]; r[4] != "na" || r[5] != "N/A" || r[6] != "" || r[8] != "" {
		t.Errorf("CSV row 7 (N/A) is %q", r)
	}
	for i, r := range rows[1:] {
		if r[2] != ids[i] || r[4] != answers[ids[i]] {
			t.Errorf("CSV row %d gives %s=%s, want %s=%s", i+1, r[2], r[4], ids[i], answers[ids[i]])
		}
	}

	// JSON: the documented format, with the score.
	name, jsonData := b.download(func() { b.clickButton("Export as JSON") })
	if want := "prospect-development-Copy-1-" + today + ".json"; name != want {
		t.Errorf("the JSON is named %q, want %q", name, want)
	}
	f := decodeStrict[checklistFile](t, "the JSON export", jsonData)
	if f.Format != "playbook-checklist" || f.Version != 1 || f.Checklist != flagshipID || f.ChecklistVersion != version || f.Lang != "en" ||
		f.Site != b.str(`document.body.dataset.site`) || f.Name != "Copy 1" || !mapsEqual(f.Answers, answers) || f.Fields["reviewer"] != "=Kim" {
		t.Errorf("the JSON export is %+v", f)
	}
	if when, err := time.Parse(time.RFC3339, f.Exported); err != nil || time.Since(when) > time.Minute {
		t.Errorf("exported = %q (%v)", f.Exported, err)
	}
	if f.Score.Earned != 32 || f.Score.Max != 42 || f.Score.Percent == nil || *f.Score.Percent != 76 || f.Score.Band == nil || *f.Score.Band != "gaps-to-close" ||
		f.Score.Answered != 23 || f.Score.NotApplicable != 2 || f.Score.Items != 23 || len(f.Actions) != 7 || f.Actions["prospects-segmented"].Owner != "Dana" {
		t.Errorf("the JSON export's score and actions: %+v %v", f.Score, f.Actions)
	}

	// Reset, then import each file: the answers come back, as a new copy.
	for _, file := range []struct {
		name string
		data []byte
	}{{"mine.csv", csvData}, {"mine.json", jsonData}} {
		b.run(`localStorage.clear()`)
		b.open(flagshipEN)
		if got := b.scoreLine()[4]; got != "Answered: 0 of 23" {
			t.Fatalf("after the reset the page reads %q", got)
		}
		if got := b.importChecklist(file.name, file.data); got != "Imported “Copy 1” as a new copy: 23 of 23 items answered." {
			t.Errorf("importing %s says %q", file.name, got)
		}
		if got := b.checked(); !mapsEqual(got, answers) {
			t.Errorf("after importing %s, ticked %v", file.name, got)
		}
		if got := b.strs(`["team", "reviewer"].map(n => document.querySelector("input[name=" + n + "]").value).concat(
			Array.from(document.querySelectorAll('.action-row[data-item="prospects-segmented"] input'), i => i.value))`); !slices.Equal(got, []string{"North, \"A\" team", "=Kim", "Dana", "2026-12-01"}) {
			t.Errorf("after importing %s, the fields and the action read %q", file.name, got)
		}
		if st := b.checklistStored(); st == nil || len(st.Checklists[flagshipID].Copies) != 1 || !mapsEqual(st.Checklists[flagshipID].Copies[0].Answers, answers) {
			t.Errorf("after importing %s, the store is %+v", file.name, st)
		}
	}

	// Foreign files are refused and change nothing.
	b.click(`input[name="sales-map"][value="no"]`)
	before := b.str(`localStorage.getItem(` + jsString(b.checklistKey()) + `)`)
	checkedBefore := b.checked()
	otherJSON := bytes.Replace(jsonData, []byte(`"checklist": "prospect-development"`), []byte(`"checklist": "dealer-development"`), 1)
	otherCSV := bytes.ReplaceAll(csvData, []byte(","+flagshipID+","), []byte(",dealer-development,"))
	if bytes.Equal(otherJSON, jsonData) || bytes.Equal(otherCSV, csvData) {
		t.Fatal("could not make another checklist's files from the exports")
	}
	vectors, err := os.ReadFile("../site/checklist/testdata/score-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	refused := "That file is not an export of this checklist; nothing was changed."
	other := "That file belongs to another checklist (dealer-development); nothing was changed."
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"other.json", otherJSON, other},
		{"other.csv", otherCSV, other},
		{"vectors.json", vectors, refused},
		{"broken.json", jsonData[:len(jsonData)/2], refused},
		{"bad-answers.json", bytes.Replace(jsonData, []byte(`"sales-map": "yes"`), []byte(`"sales-map": 2`), 1), refused},
		{"table.csv", []byte("name,score\nLee,12\n"), refused},
		{"empty.csv", nil, refused},
	} {
		if got := b.importChecklist(c.name, c.data); got != c.want {
			t.Errorf("importing %s says %q, want %q", c.name, got, c.want)
		}
		if after := b.str(`localStorage.getItem(` + jsString(b.checklistKey()) + `)`); after != before {
			t.Errorf("importing %s changed the store", c.name)
		}
		if got := b.checked(); !mapsEqual(got, checkedBefore) {
			t.Errorf("importing %s changed the answers", c.name)
		}
	}
}

func TestChecklistStorageProblems(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := checklistTab(t, s, flagshipEN)
	key := b.checklistKey()
	corrupt := "Your saved checklists could not be read, so they were set aside and you start afresh."
	for _, bad := range []string{
		`{not json`,
		`{"format":"playbook-checklists","version":1,"site":"another-course","checklists":{}}`,
		`{"format":"playbook-checklists","version":1,"site":"crm-playbook","checklists":{"prospect-development":{"open":null,"copies":[{"id":"x"}]}}}`,
		`[1, 2, 3]`,
	} {
		b.run(`localStorage.clear(); localStorage.setItem(` + jsString(key) + `, ` + jsString(bad) + `)`)
		b.open(flagshipEN)
		if got := b.text(".ck-notices"); got != corrupt {
			t.Errorf("with %s stored, the page says %q, want %q", bad, got, corrupt)
		}
		aside := b.strs(`Object.keys(localStorage).filter(k => k.startsWith(` + jsString(key+":set-aside:") + `)).map(k => localStorage.getItem(k))`)
		if !slices.Equal(aside, []string{bad}) {
			t.Errorf("with %s stored, the values set aside are %q", bad, aside)
		}
		b.click(`input[name="sales-map"][value="partly"]`)
		if got := b.scoreLine(); got[0] != "1" || got[2] != "50%" || !slices.Equal(b.actionItems(), []string{"sales-map"}) {
			t.Errorf("with %s stored, the page scores %q", bad, got)
		}
		if st := b.checklistStored(); st == nil || st.Checklists[flagshipID].Copies[0].Answers["sales-map"] != "partly" {
			t.Errorf("with %s stored, the new answer was not stored", bad)
		}
	}

	// A copy saved before the checklist changed: its answers to items that are gone are left
	// out, and the page says so.
	b.run(`localStorage.clear(); localStorage.setItem(` + jsString(key) + `, JSON.stringify({format: "playbook-checklists", version: 1, site: document.body.dataset.site,
		checklists: {"prospect-development": {open: "old", copies: [{id: "old", name: "Last year", created: "2025-11-01T10:00:00Z", updated: "2025-11-02T10:00:00Z",
		version: "old", fields: {team: "South", shoe: "42"}, answers: {"sales-map": "yes", "gone-item": "no", "prospect-cards": "maybe"},
		actions: {"gone-item": {owner: "Ann", due: ""}}}]}}}))`)
	b.open(flagshipEN)
	if got := b.text(".ck-notices"); !strings.HasPrefix(got, "This checklist has changed since this copy was saved") {
		t.Errorf("with an old copy the page says %q", got)
	}
	if got := b.checked(); got["sales-map"] != "yes" || got["prospect-cards"] != "" || b.scoreLine()[4] != "Answered: 1 of 23" {
		t.Errorf("with an old copy, ticked %v", got)
	}
	if got := b.str(`document.querySelector("input[name=team]").value + "/" + document.querySelector(".ck-name").value`); got != "South/Last year" {
		t.Errorf("with an old copy, team/name read %q", got)
	}
	b.click(`input[name="prospect-cards"][value="yes"]`)
	cp := b.checklistStored().Checklists[flagshipID].Copies[0]
	if _, gone := cp.Answers["gone-item"]; gone || cp.Version == "old" || cp.Fields["shoe"] != "" || len(cp.Actions) != 0 {
		t.Errorf("saving an old copy keeps what is gone: %+v", cp)
	}

	// A browser that forbids storage: the page works, and says answers are not kept.
	nb := newTab(t, s, s.root)
	if _, err := chromedp.Call(nb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError"); }});`,
	}); err != nil {
		t.Fatal(err)
	}
	unavailable := "This browser does not allow saving, so your answers will be lost when you close the page. Export a file to keep them."
	nb.open(flagshipEN)
	if got := nb.text(".ck-notices"); got != unavailable {
		t.Errorf("without storage the page says %q", got)
	}
	nb.click(`input[name="sales-map"][value="yes"]`)
	nb.click(`input[name="trading-area-profile"][value="no"]`)
	if got := nb.scoreLine(); got[0] != "2" || got[1] != "4" || got[2] != "50%" {
		t.Errorf("without storage the page scores %q", got)
	}
	nb.clickButton("Save")
	if got := nb.text(".ck-message"); got != unavailable {
		t.Errorf("without storage Save says %q", got)
	}
	nb.clickButton("Save as a new copy")
	if got := nb.strs(`Array.from(document.querySelectorAll(".ck-open option"), o => o.textContent.replace(/ · .*/, ""))`); !slices.Equal(got, []string{"Copy 1", "Copy 2"}) {
		t.Errorf("without storage, the copies of this visit are %q", got)
	}
}

// printPage prints the page on paper and returns the page count and the text (or "" when
// pdftotext is missing or the language has no font).
func (b *tab) printPage(paper browsertest.Paper, lang string) (int, string) {
	b.t.Helper()
	data, pages := browsertest.PrintPDF(b.t, b.ctx, paper)
	text, ok := browsertest.PDFText(b.t, data)
	if !ok || (lang == "zh-CN" && browsertest.NoFontFor("zh-cn")) {
		return pages, ""
	}
	return pages, text
}

func TestChecklistPrint(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	for _, lang := range []string{"en", "zh-CN"} {
		b := checklistTab(t, s, lang+"/checklists/"+flagshipID+".html")
		ids := b.itemIDs()
		b.fillByMouse(planAnswers(ids, flagshipPlan), ids)
		b.typeInto(`input[name="team"]`, "North")
		b.typeInto(`.action-row[data-item="prospects-segmented"] input[data-field="owner"]`, "Dana")
		items := b.texts("main .item-text")
		chrome := b.strs(`Array.from(document.querySelectorAll(".checklist-tools button, .checklist-tools legend, .checklist-tools label, .ck-notices"), e => e.textContent)`)
		chrome = append(chrome, b.text(".privacy-notice"), b.text(".score-answered"), b.text(".item-hint"), "yyyy", "年/月/日")
		signature := b.str(`document.querySelector(".signature-line span").textContent`)
		percent := b.text(".checklist-result output[name=percent]")
		// The print dialog is the browser's; the tests print with DevTools instead, so the page's
		// window.print only counts the calls.
		b.run(`window.print = () => { window.printed = (window.printed || 0) + 1 }`)
		check := func(what string, paper browsertest.Paper, wantPages int, want, notWant []string) {
			t.Helper()
			pages, text := b.printPage(paper, lang)
			if pages != wantPages {
				t.Errorf("%s %s on %s: %d pages, want %d", lang, what, paper, pages, wantPages)
			}
			if text == "" {
				return
			}
			flat := squash(text)
			for _, w := range want {
				// With answers, the action list repeats some item texts.
				if n := strings.Count(flat, squash(w)); n != wantPages && (what != "with answers" || n < 1) {
					t.Errorf("%s %s on %s: the PDF shows %q %d times, want %d", lang, what, paper, w, n, wantPages)
				}
			}
			for _, w := range notWant {
				if w = squash(w); w != "" && strings.Contains(flat, w) {
					t.Errorf("%s %s on %s: the PDF shows %q", lang, what, paper, w)
				}
			}
		}
		printButton := func(label string) {
			t.Helper()
			before := b.num(`window.printed || 0`)
			b.clickButton(label)
			if got := b.num(`window.printed || 0`); got != before+1 {
				t.Fatalf("%s did not call window.print", label)
			}
		}
		afterPrint := func() {
			t.Helper()
			b.run(`dispatchEvent(new Event("afterprint"))`)
			if n := b.count(".ck-print-copies"); n != 0 || b.str(`document.documentElement.className`) != "js" {
				t.Errorf("after printing, %d print containers remain (html class %q)", n, b.str(`document.documentElement.className`))
			}
		}
		labels := map[string][]string{
			"en":    {"Print with my answers", "Print blank", "Print for the team", "Copies for the team"},
			"zh-CN": {"打印（含我的答案）", "打印空白表", "为团队打印", "团队打印份数"},
		}[lang]
		for _, paper := range []browsertest.Paper{browsertest.A4, browsertest.Letter} {
			printButton(labels[0])
			check("with answers", paper, 1, append(items, signature, percent, "North", "Dana"), chrome)
			if got := b.checked(); len(got) != 23 || got[ids[0]] != "yes" {
				t.Errorf("printing changed the answers: %v", got)
			}
			afterPrint()
			if paper == browsertest.Letter && lang == "zh-CN" {
				continue // the blank and team copies are the same sheets as in English
			}
			printButton(labels[1])
			if n := b.count(".ck-print-copies .ck-print-copy"); n != 1 {
				t.Errorf("Print blank prepared %d copies", n)
			}
			check("blank", paper, 1, append(items, signature), append(chrome, percent, "North", "Dana"))
			afterPrint()
			b.do("typing the number of copies", chromedp.SetValue(chromedp.CSS(".ck-copies"), ""), chromedp.SendKeys(chromedp.CSS(".ck-copies"), "3"))
			printButton(labels[2])
			if n := b.count(".ck-print-copies .ck-print-copy"); n != 3 {
				t.Errorf("Print for the team with 3 copies prepared %d", n)
			}
			check("for the team", paper, 3, append(items, signature), append(chrome, percent, "North", "Dana"))
			afterPrint()
		}
		// The worst case: every item on the action list still prints on one page.
		all := map[string]string{}
		for _, id := range ids {
			all[id] = "no"
		}
		b.fillByMouse(all, ids)
		if n := len(b.actionItems()); n != 23 {
			t.Fatalf("with every item answered no, the action list holds %d items", n)
		}
		for _, paper := range []browsertest.Paper{browsertest.A4, browsertest.Letter} {
			printButton(labels[0])
			check("with answers", paper, 1, append(items, signature), chrome)
			afterPrint()
		}
		// The number of copies stays between 1 and 50.
		b.setInput(".ck-copies", "500")
		printButton(labels[2])
		if n := b.count(".ck-print-copy"); n != 50 || b.str(`document.querySelector(".ck-copies").value`) != "50" {
			t.Errorf("asking for 500 copies prepared %d", n)
		}
		afterPrint()
	}
}

// TestChecklistPrintControl prints the page as on screen: the buttons do reach the PDF text,
// so the print checks can see them.
func TestChecklistPrintControl(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := checklistTab(t, s, flagshipEN)
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"}); err != nil {
		t.Fatal(err)
	}
	data, pages := browsertest.PrintPDF(t, b.ctx, browsertest.A4)
	if text, ok := browsertest.PDFText(t, data); ok && !strings.Contains(squash(text), squash("Print for the team")) {
		t.Errorf("control: printed as on screen, the PDF lacks the buttons; the print checks cannot see them")
	}
	if pages < 2 {
		t.Errorf("control: printed as on screen, the checklist takes %d pages; the one-page check cannot fail", pages)
	}
}

func TestChecklistTestCourse(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := checklistTab(t, s, prospectsEN)
	if got := b.itemIDs(); !slices.Equal(got, []string{"list", "cards", "weekly"}) {
		t.Fatalf("the test checklist has items %v", got)
	}
	b.click(`input[name="list"][value="yes"]`)
	b.click(`input[name="cards"][value="no"]`) // weight 2
	b.click(`input[name="weekly"][value="na"]`)
	if got, want := b.scoreLine(), []string{"2", "6", "33%", "Start here", "Answered: 3 of 3"}; !slices.Equal(got, want) {
		t.Errorf("the score line reads %q, want %q", got, want)
	}
	if got := b.text(".band-advice"); got != "Reread the lesson." {
		t.Errorf("the advice reads %q", got)
	}
	if got := b.actionItems(); !slices.Equal(got, []string{"cards"}) {
		t.Errorf("the action list holds %v", got)
	}
	b.click(`input[name="list"][value="na"]`)
	b.click(`input[name="cards"][value="na"]`)
	if got, want := b.scoreLine(), []string{"0", "0", "–", "–", "Answered: 3 of 3"}; !slices.Equal(got, want) || b.text(".band-advice") != "" {
		t.Errorf("with every item N/A the score line reads %q and the advice %q", got, b.text(".band-advice"))
	}
	if n := b.count(".bands li.is-current"); n != 0 || !b.visible(".action-empty") {
		t.Errorf("with every item N/A, %d bands are current or the empty action message is hidden", n)
	}

	// The Chinese page: its own strings, the same copies (one store per site).
	b.open(prospectsZH)
	if got := b.checked(); got["list"] != "na" || got["cards"] != "na" {
		t.Errorf("the Chinese page does not open the saved copy: %v", got)
	}
	b.click(`input[name="cards"][value="partly"]`)
	if got, want := b.scoreLine(), []string{"2", "4", "50%", "有待改进", "已答：3 / 3 项"}; !slices.Equal(got, want) {
		t.Errorf("the Chinese score line reads %q, want %q", got, want)
	}
	if got := b.texts(".checklist-tools legend"); !slices.Equal(got, []string{"已保存的副本", "文件", "打印"}) {
		t.Errorf("the Chinese tools read %q", got)
	}
	if got := b.text(".action-row .action-text"); got != "2. 每位潜在客户都有卡片。" {
		t.Errorf("the Chinese action reads %q", got)
	}
	b.clickButton("另存为新副本")
	if got := b.text(".ck-message"); got != "已另存为新副本“副本 1”。" {
		t.Errorf("the Chinese Save as a new copy says %q", got)
	}
	if got := b.strs(`Array.from(document.querySelectorAll(".ck-open option"), o => o.textContent)`); len(got) != 2 ||
		!strings.HasPrefix(got[0], "Copy 1 · ") || !strings.HasPrefix(got[1], "副本 1 · ") {
		t.Errorf("the Chinese page lists the copies %q", got)
	}
	name, data := b.download(func() { b.clickButton("导出为 CSV（Excel）") })
	if want := "prospects-副本-1-" + time.Now().UTC().Format("2006-01-02") + ".csv"; name != want {
		t.Errorf("the Chinese CSV is named %q, want %q", name, want)
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) || !bytes.Contains(data, []byte("\r\n3,跟进,weekly,我每周整理两次卡片。,na,不适用,,1,,,prospects,")) {
		t.Errorf("the Chinese CSV reads:\n%s", data)
	}
	if got := b.text(".ck-message"); got != "已下载“"+name+"”。" {
		t.Errorf("the Chinese export message is %q", got)
	}
}
