package e2e

// Slides: a lesson presented from file:// at 1280×720, as a trainer does from a USB stick.
// The keys and clicks of a presentation (and of clickers), the slide in the URL, the black
// screen, the presenter window kept in step both ways (by BroadcastChannel, by the window
// that opened it, and by both), type that stays big and never runs off the screen in either
// script, and the printed handout: one landscape page per slide.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// keyCodes are the code, key code and text of the keys the slides tests press.
var keyCodes = map[string]struct {
	code string
	vk   int64
	text string
}{
	"ArrowRight": {"ArrowRight", 39, ""}, "ArrowLeft": {"ArrowLeft", 37, ""}, "ArrowDown": {"ArrowDown", 40, ""},
	"ArrowUp": {"ArrowUp", 38, ""}, "PageDown": {"PageDown", 34, ""}, "PageUp": {"PageUp", 33, ""},
	" ": {"Space", 32, " "}, "Enter": {"Enter", 13, "\r"}, "Backspace": {"Backspace", 8, ""},
	"Home": {"Home", 36, ""}, "End": {"End", 35, ""}, "Tab": {"Tab", 9, ""}, "Escape": {"Escape", 27, ""},
	"n": {"KeyN", 78, "n"}, "p": {"KeyP", 80, "p"}, "b": {"KeyB", 66, "b"}, ".": {"Period", 190, "."},
	"s": {"KeyS", 83, "s"}, "f": {"KeyF", 70, "f"},
}

// key presses one key of keyCodes.
func (b *tab) key(k string) {
	b.t.Helper()
	c, ok := keyCodes[k]
	if !ok {
		b.t.Fatalf("no key code for %q", k)
	}
	b.press(k, c.code, c.vk, c.text, 0)
}

// projector sets the tab's viewport to 1280×720, a common projector resolution.
func (b *tab) projector() {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 720, DeviceScaleFactor: 1}); err != nil {
		b.t.Fatal(err)
	}
}

// deckView is what the slides window shows.
type deckView struct {
	Visible int    `json:"visible"` // slides taking up room on the screen
	Heading string `json:"heading"` // the first heading of the visible slide
	Counter string `json:"counter"`
	Status  string `json:"status"` // the live region
	Hash    string `json:"hash"`
	Black   bool   `json:"black"` // the middle of the screen is the black screen
}

const deckViewJS = `(() => {
	const vis = Array.from(document.querySelectorAll(".deck > .slide")).filter(s => { const r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
	const h = vis[0] && vis[0].querySelector("h1, h2");
	const mid = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
	return { visible: vis.length, heading: h ? h.textContent.replace(/\s+/g, " ").trim() : "",
		counter: document.querySelector(".deck-counter").textContent, status: document.querySelector(".deck-status").textContent,
		hash: location.hash, black: !!(mid && mid.closest(".deck-black")) };
})()`

func (b *tab) deck() deckView {
	b.t.Helper()
	return browsertest.Eval[deckView](b.t, b.ctx, deckViewJS)
}

// waitSlide waits until the slides window shows slide n of count, and checks that it shows
// only that slide, with the heading, the counter, the live region and the URL that go with it.
func (b *tab) waitSlide(n, count int, heading string) {
	b.t.Helper()
	counter := fmt.Sprintf("%d / %d", n, count)
	var v deckView
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		if v = b.deck(); v.Counter == counter && v.Heading == heading && v.Hash == "#"+strconv.Itoa(n) {
			break
		}
	}
	if v.Counter != counter || v.Heading != heading || v.Hash != "#"+strconv.Itoa(n) {
		b.t.Fatalf("want slide %s %q at #%d, the window shows %+v", counter, heading, n, v)
	}
	if v.Visible != 1 {
		b.t.Errorf("slide %s: %d slides on the screen, want 1", counter, v.Visible)
	}
	if want := fmt.Sprintf("Slide %d of %d", n, count); !v.Black && v.Status != want && !strings.Contains(v.Status, "第") {
		b.t.Errorf("slide %s: the live region says %q, want %q", counter, v.Status, want)
	}
}

// slidesTab opens a slides page from file:// at 1280×720.
func slidesTab(t *testing.T, s *site, page string) *tab {
	t.Helper()
	b := newTab(t, s, s.root)
	b.projector()
	b.open(page)
	b.waitFor(`window.Playbook && Playbook.slides`, "the slides script")
	return b
}

// h2Line matches a level-2 heading of a lesson's source, with its attributes.
var h2Line = regexp.MustCompile(`^## (.+?)(?:\s*\{[^}]*\})?\s*$`)

// headingsOf lists the slide headings of a lesson split at its level-2 headings, read from
// its source: the title, then each "## " heading outside trainer notes and code.
func headingsOf(t *testing.T, root string, l lessonRef) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "content", l.lang, l.key))
	if err != nil {
		t.Fatal(err)
	}
	continued := map[string]string{"en": "%s (continued)", "zh-CN": "%s（续）"}[l.lang]
	out := []string{l.title}
	current, blocks := l.title, 0 // the section's heading and its "::: slide" blocks so far
	inNotes, inCode := false, false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			inCode = !inCode
		case strings.HasPrefix(line, "::: trainer"):
			inNotes = true
		case strings.HasPrefix(line, "::: slide") && !inCode:
			// A section's second and later slide blocks are slides of their own.
			if blocks++; blocks > 1 {
				out = append(out, fmt.Sprintf(continued, current))
			}
		case strings.TrimSpace(line) == ":::":
			inNotes = false
		case !inNotes && !inCode:
			if m := h2Line.FindStringSubmatch(line); m != nil {
				current, blocks = strings.ReplaceAll(m[1], "**", ""), 0
				out = append(out, current)
			}
		}
	}
	return out
}

func TestSlidesKeysAndClicks(t *testing.T) {
	s := buildQuizSite(t, pipeline.Trainer)
	l := s.lessons(t, "en", "day-01-basics")[0]
	want := headingsOf(t, quizCourse, l)
	if len(want) != 4 {
		t.Fatalf("%s has the slides %q, want a title and three sections", l.page, want)
	}
	n := len(want)
	slides := strings.TrimSuffix(l.page, ".html") + ".slides.html"

	// The lesson's "Present" link opens its slides.
	b := newTab(t, s, s.root)
	b.projector()
	b.open(l.page)
	if got := b.follow(".present-link"); got != slides {
		t.Fatalf("Present on %s opened %s, want %s", l.page, got, slides)
	}
	b.waitFor(`window.Playbook && Playbook.slides`, "the slides script")
	b.waitSlide(1, n, want[0])

	steps := []struct {
		key string
		to  int
	}{
		{"ArrowRight", 2}, {"PageDown", 3}, {" ", 4}, {" ", 4}, {"ArrowRight", 4}, {"ArrowLeft", 3}, {"Home", 1},
		{"ArrowLeft", 1}, {"End", 4}, {"PageUp", 3}, {"Backspace", 2}, {"p", 1}, {"n", 2}, {"Enter", 3}, {"ArrowDown", 4}, {"ArrowUp", 3},
	}
	for _, st := range steps {
		b.key(st.key)
		b.waitSlide(st.to, n, want[st.to-1])
	}

	// The URL keeps the slide: reload, back and forward, and a link to #2.
	b.do("reloading", chromedp.Reload())
	b.waitFor(`window.Playbook && Playbook.slides`, "the slides script after a reload")
	b.waitSlide(3, n, want[2])
	b.key("ArrowRight")
	b.waitSlide(4, n, want[3])
	b.run(`history.back()`)
	b.waitSlide(3, n, want[2])
	b.run(`history.forward()`)
	b.waitSlide(4, n, want[3])
	b.run(`location.hash = "#2"`)
	b.waitSlide(2, n, want[1])
	b.run(`location.hash = "#99"`)
	b.waitSlide(n, n, want[n-1])

	// A click or tap on the right half moves on, on the left half back.
	b.key("Home")
	b.waitSlide(1, n, want[0])
	b.do("clicking the right half", chromedp.MouseClickXY(1000, 300))
	b.waitSlide(2, n, want[1])
	b.do("clicking the left half", chromedp.MouseClickXY(200, 300))
	b.waitSlide(1, n, want[0])

	// B and "." black the screen out and bring it back; a move brings it back too.
	for _, k := range []string{"b", "."} {
		b.key(k)
		b.waitFor(`document.querySelector(".deck-status").textContent.includes("black")`, "the black screen after "+k)
		if v := b.deck(); !v.Black {
			t.Errorf("after %q the middle of the screen is not black: %+v", k, v)
		}
		b.key(k)
		b.waitSlide(1, n, want[0])
		if v := b.deck(); v.Black {
			t.Errorf("after %q again the screen is still black", k)
		}
	}
	b.key("b")
	b.key("ArrowRight")
	b.waitSlide(2, n, want[1])
	if v := b.deck(); v.Black {
		t.Error("moving on left the screen black")
	}

	// When the pointer rests the controls leave the slide alone; a move brings them back.
	b.waitFor(`document.documentElement.classList.contains("is-idle")`, "the pointer to rest")
	b.waitFor(`getComputedStyle(document.querySelector(".deck-controls")).opacity === "0"`, "the controls to fade out")
	if got := b.str(`(r => document.elementFromPoint(r.left + 5, r.top + 5).className)(document.querySelector('.deck-controls [data-action="next"]').getBoundingClientRect())`); got != "slide-body" {
		t.Errorf("with the pointer at rest, the place of the Next button is %q, want the slide", got)
	}
	b.clickControl(`.deck-controls [data-action="next"]`)
	b.waitSlide(3, n, want[2])
	b.key("ArrowLeft")
	b.waitSlide(2, n, want[1])

	// The controls: reached with Tab, in order, and Enter on "Next slide" moves once.
	// Tab goes through the controls in order, leaves the page after the last (no trap) and
	// comes back to the first.
	b.run(`document.querySelector(".deck-exit").focus()`)
	var order []string
	for range 6 {
		b.key("Tab")
		order = append(order, b.str(`document.activeElement === document.body ? "(the page)" : document.activeElement.getAttribute("aria-label") || document.activeElement.textContent.trim()`))
	}
	if wantOrder := []string{"Previous slide", "Next slide", "Full screen", "Presenter view", "(the page)", "Back to the lesson"}; !slices.Equal(order, wantOrder) {
		t.Errorf("Tab goes through %q, want %q", order, wantOrder)
	}
	b.run(`document.querySelector('[data-action="next"]').focus()`)
	b.key("Enter")
	b.waitSlide(3, n, want[2])
	b.key(" ")
	b.waitSlide(4, n, want[3])

	// F asks for full screen, and F again leaves it.
	b.run(`document.activeElement.blur()`)
	b.key("f")
	b.waitFor(`document.fullscreenElement === document.documentElement`, "full screen after F")
	b.waitFor(`document.querySelector('[data-action="fullscreen"]').getAttribute("aria-pressed") === "true"`, "the full screen button pressed")
	if got := b.text(`[data-action="fullscreen"]`); got != "Exit full screen" {
		t.Errorf("in full screen the button says %q", got)
	}
	b.key("f")
	b.waitFor(`document.fullscreenElement === null`, "leaving full screen after F")
	b.waitFor(`document.querySelector('[data-action="fullscreen"]').getAttribute("aria-pressed") === "false"`, "the full screen button released")

	// Motion: a short fade, none for readers who ask for reduced motion.
	if got := b.str(`getComputedStyle(document.querySelector(".deck > .slide:not([hidden])")).animationName`); got != "pb-slide-in" {
		t.Errorf("the slide's animation is %q, want pb-slide-in", got)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}); err != nil {
		t.Fatal(err)
	}
	if got := b.str(`getComputedStyle(document.querySelector(".deck > .slide:not([hidden])")).animationName`); got != "none" {
		t.Errorf("with reduced motion the slide's animation is %q, want none", got)
	}
}

// clickControl moves the pointer onto a control of the slides window, which shows the
// controls when the pointer has rested, and clicks it.
func (b *tab) clickControl(sel string) {
	b.t.Helper()
	r := browsertest.Eval[[]float64](b.t, b.ctx, `(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector(`+jsString(sel)+`).getBoundingClientRect())`)
	if _, err := chromedp.Call(b.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: r[0], Y: r[1]}); err != nil {
		b.t.Fatal(err)
	}
	b.waitFor(`!document.documentElement.classList.contains("is-idle")`, "the controls after the pointer moved")
	b.do("clicking "+sel, chromedp.MouseClickXY(r[0], r[1]))
}

// presenterView is what the presenter window shows.
type presenterView struct {
	Current string `json:"current"`
	Next    string `json:"next"`
	End     bool   `json:"end"`
	Notes   string `json:"notes"`
	Minutes string `json:"minutes"`
	Counter string `json:"counter"`
	Elapsed string `json:"elapsed"`
	Clock   string `json:"clock"`
	Black   bool   `json:"black"`
	Hash    string `json:"hash"`
}

const presenterViewJS = `(() => {
	const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent.replace(/\s+/g, " ").trim() : ""; };
	const shown = (sel) => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
	return { current: text('[data-slot="current"] .slide h1, [data-slot="current"] .slide h2'),
		next: text('[data-slot="next"] .slide h1, [data-slot="next"] .slide h2'), end: shown(".presenter-end"),
		notes: text(".presenter-notes-body"), minutes: text(".pv-minutes"), counter: text(".pv-counter"),
		elapsed: text(".pv-elapsed"), clock: text(".pv-clock"), black: shown(".pv-black"), hash: location.hash };
})()`

func (b *tab) presenter() presenterView {
	b.t.Helper()
	return browsertest.Eval[presenterView](b.t, b.ctx, presenterViewJS)
}

// waitPresenter waits until the presenter window shows slide n of count.
func (b *tab) waitPresenter(n, count int) presenterView {
	b.t.Helper()
	counter := fmt.Sprintf("%d / %d", n, count)
	var v presenterView
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
		if v = b.presenter(); v.Counter == counter && v.Hash == "#"+strconv.Itoa(n) {
			return v
		}
	}
	b.t.Fatalf("the presenter window shows %+v, want slide %s", v, counter)
	return v
}

// openPresenter presses S (or clicks the button) in the slides window, attaches to the
// window it opens and reloads it with its requests and problems recorded (the window loads
// before a test can attach to it; a reload keeps the window that opened it).
func (b *tab) openPresenter(how string) *tab {
	b.t.Helper()
	opened := chromedp.WaitNewTarget(b.ctx, func(i *target.Info) bool { return strings.Contains(i.URL, "?presenter") })
	if how == "key" {
		b.key("s")
	} else {
		b.clickControl(`.deck-controls [data-action="presenter"]`)
	}
	var id target.ID
	select {
	case id = <-opened:
	case <-time.After(2 * time.Minute):
		b.t.Fatalf("pressing the presenter view (%s) opened no window", how)
	}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
	b.t.Cleanup(func() {
		// The browser is shared: close the window, as the test did not open it itself.
		if _, err := chromedp.CallBrowser(ctx, target.CloseTarget, target.CloseTargetParams{TargetID: id}); err != nil {
			b.t.Logf("closing the presenter window: %v", err)
		}
		cancel()
	})
	p := &tab{t: b.t, ctx: ctx, base: b.base, langs: b.langs, def: b.def}
	p.reqs = browsertest.RecordRequests(b.t, p.ctx)
	p.probs = browsertest.CollectProblems(b.t, p.ctx)
	b.t.Cleanup(func() {
		for _, u := range p.reqs.Outside(p.base) {
			b.t.Errorf("the presenter window requested %s, outside the site %s", u, p.base)
		}
		p.probs.Check(b.t, "the presenter window")
	})
	p.do("reloading the presenter window", chromedp.Reload())
	p.waitFor(`window.Playbook && Playbook.slides && Playbook.slides.presenter`, "the presenter view")
	if p.reqs.URLs() == nil {
		b.t.Fatal("no request recorded in the presenter window after its reload")
	}
	return p
}

// TestSlidesPresenter opens the presenter view of a lesson with slide breaks and trainer
// notes and moves in both windows. The windows keep in step by a BroadcastChannel and by
// postMessage to the window that opened the other; each way is checked alone (a slides
// window without BroadcastChannel; a presenter window opened by hand, with no opener), and
// both together.
func TestSlidesPresenter(t *testing.T) {
	s := buildQuizSite(t, pipeline.Trainer)
	const deckPage = "en/day-02-next/only.slides.html"
	want := []struct{ heading, notes, minutes string }{
		{"Only lesson", "", "–"},
		{"Steps", "Say why the first step comes first.", "45 min"},
		{"Steps (continued)", "Check the room is still with you.", "45 min"},
	}
	n := len(want)
	check := func(t *testing.T, p *tab, i int) {
		t.Helper()
		v := p.waitPresenter(i, n)
		w := want[i-1]
		if v.Current != w.heading || v.Notes != w.notes || v.Minutes != w.minutes {
			t.Errorf("presenter at slide %d shows current %q, notes %q, minutes %q; want %q, %q, %q", i, v.Current, v.Notes, v.Minutes, w.heading, w.notes, w.minutes)
		}
		if i < n && (v.Next != want[i].heading || v.End) {
			t.Errorf("presenter at slide %d shows next %q (end %v), want %q", i, v.Next, v.End, want[i].heading)
		}
		if i == n && (v.Next != "" || !v.End) {
			t.Errorf("presenter at the last slide shows next %q (end %v), want the end of the slides", v.Next, v.End)
		}
	}
	for _, mode := range []string{"both", "opener only", "channel only"} {
		t.Run(mode, func(t *testing.T) {
			b := newTab(t, s, s.root)
			b.projector()
			if mode == "opener only" {
				if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.BroadcastChannel;"}); err != nil {
					t.Fatal(err)
				}
			}
			b.open(deckPage)
			b.waitFor(`window.Playbook && Playbook.slides`, "the slides script")
			if mode == "opener only" && b.str(`typeof BroadcastChannel`) != "undefined" {
				t.Fatal("the slides window still has BroadcastChannel")
			}
			b.key("ArrowRight")
			b.waitSlide(2, n, want[1].heading)

			var p *tab
			if mode == "channel only" {
				p = newTab(t, s, s.root)
				p.open(deckPage + "?presenter#2")
				p.waitFor(`window.Playbook && Playbook.slides && Playbook.slides.presenter`, "the presenter view")
				if p.str(`String(window.opener)`) != "null" {
					t.Fatal("the presenter window opened by hand has an opener")
				}
			} else {
				how := "key"
				if mode == "opener only" {
					how = "button"
				}
				p = b.openPresenter(how)
			}
			check(t, p, 2)
			if v := p.presenter(); v.Clock == "" || !regexp.MustCompile(`^\d+:\d\d$`).MatchString(v.Elapsed) {
				t.Errorf("the presenter shows clock %q and elapsed time %q", v.Clock, v.Elapsed)
			}

			// Moves in the slides window move the presenter...
			b.key("ArrowRight")
			b.waitSlide(3, n, want[2].heading)
			check(t, p, 3)
			b.key("Home")
			b.waitSlide(1, n, want[0].heading)
			check(t, p, 1)
			// ...and moves in the presenter window move the slides.
			p.key("ArrowRight")
			check(t, p, 2)
			b.waitSlide(2, n, want[1].heading)
			p.key("End")
			check(t, p, 3)
			b.waitSlide(3, n, want[2].heading)
			p.click(`.presenter-buttons [data-action="prev"]`)
			check(t, p, 2)
			b.waitSlide(2, n, want[1].heading)

			// B in the presenter blacks the room's screen out, and back.
			p.key("b")
			p.waitFor(`!document.querySelector(".pv-black").hidden`, "the black screen flag in the presenter")
			b.waitFor(`!document.querySelector(".deck-black").hidden`, "the black screen in the slides window")
			if v := b.deck(); !v.Black {
				t.Errorf("the presenter's B did not black the slides out: %+v", v)
			}
			p.key("b")
			b.waitFor(`document.querySelector(".deck-black").hidden`, "the slides back after B in the presenter")

			// The timer restarts.
			p.run(`sessionStorage.setItem("playbook-slides-start:" + location.pathname, String(Date.now() - 125000))`)
			p.do("reloading the presenter", chromedp.Reload())
			p.waitFor(`window.Playbook && Playbook.slides`, "the presenter after a reload")
			p.waitFor(`document.querySelector(".pv-elapsed").textContent.startsWith("2:0")`, "the elapsed time kept over a reload")
			check(t, p, 2)
			p.click(`[data-action="reset"]`)
			if got := p.presenter().Elapsed; got != "0:00" && got != "0:01" {
				t.Errorf("after Reset the timer shows %s", got)
			}
			// After its reload the presenter still moves the slides, and follows them.
			p.key("ArrowLeft")
			b.waitSlide(1, n, want[0].heading)
			b.key("ArrowRight")
			check(t, p, 2)
		})
	}
}

// TestSlidesLearnerPresenter: the learner edition offers the presenter view, without notes
// or planned timings, and says so.
func TestSlidesLearnerPresenter(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := slidesTab(t, s, "en/day-02-next/only.slides.html")
	b.key("ArrowRight")
	b.waitSlide(2, 3, "Steps")
	p := b.openPresenter("key")
	v := p.waitPresenter(2, 3)
	if v.Current != "Steps" || v.Next != "Steps (continued)" || v.Notes != "" || v.Minutes != "" {
		t.Errorf("the learner presenter shows %+v, want the slides without notes or minutes", v)
	}
	if got := p.text(".presenter-no-notes"); got != "This edition of the course carries no notes." {
		t.Errorf("the learner presenter's notes pane says %q", got)
	}
	if n := p.count(".pv-minutes, .presenter-notes-body, .slide-notes, [data-minutes]"); n != 0 {
		t.Errorf("the learner presenter has %d places for notes or timings", n)
	}
	html := p.str(`document.documentElement.outerHTML`)
	for _, secret := range []string{"Say why the first step", "Check the room", "Trainer notes"} {
		if strings.Contains(html, secret) {
			t.Errorf("the learner presenter carries %q", secret)
		}
	}
}

// slideFacts are the measures of one slide of the slides window.
type slideFacts struct {
	Fit        float64 `json:"fit"`
	Long       bool    `json:"long"`
	Rect       []float64
	Body       []float64 `json:"body"` // scrollWidth, clientWidth, scrollHeight, clientHeight
	Text       []float64 `json:"text"` // font sizes of its paragraphs and list items (not footnotes), in px
	Overflow   string    `json:"overflow"`
	FullHeight float64   `json:"fullHeight"` // the body's scrollHeight at full-size type
}

const slideFactsJS = `(() => {
	const s = document.querySelector(".deck > .slide:not([hidden])"), body = s.querySelector(".slide-body");
	const r = s.getBoundingClientRect();
	const f = { fit: Number(body.style.getPropertyValue("--fit")), long: s.classList.contains("is-long"),
		Rect: [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight],
		body: [body.scrollWidth, body.clientWidth, body.scrollHeight, body.clientHeight],
		text: Array.from(body.querySelectorAll("p:not(.footnotes *), li:not(.footnotes *)"), e => parseFloat(getComputedStyle(e).fontSize)),
		overflow: getComputedStyle(body).overflowY };
	const fit = body.style.getPropertyValue("--fit");
	body.style.setProperty("--fit", "1");
	f.fullHeight = body.scrollHeight;
	body.style.setProperty("--fit", fit);
	return f;
})()`

// longSectionsCourse builds the quiz test course with a third Day 1 lesson, in English and
// Chinese, whose sections have no slide text of their own and grow from short to far too
// long for a slide; it returns the trainer edition and the course folder.
func longSectionsCourse(t *testing.T) (*site, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "course")
	if err := os.CopyFS(dir, os.DirFS(quizCourse)); err != nil {
		t.Fatal(err)
	}
	texts := map[string]struct{ title, sentence string }{
		"en":    {"Long sections", "A customer who buys often, buys a lot and costs little to serve is worth more than the turnover alone suggests. "},
		"zh-CN": {"很长的小节", "购买频繁、购买量大、服务成本低的客户，其价值远高于单看营业额所得出的结论。"},
	}
	for lang, x := range texts {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nduration: 30\n---\n\nOpening words.\n", x.title)
		for i, paragraphs := range []int{1, 4, 9, 30} {
			fmt.Fprintf(&b, "\n## Section %d {minutes=5}\n\n", i+1)
			for p := 0; p < paragraphs; p++ {
				b.WriteString(strings.Repeat(x.sentence, 2) + "\n\n")
			}
			if i == 1 {
				b.WriteString("- one point\n- another point\n")
			}
		}
		path := filepath.Join(dir, "content", lang, "day-01-basics", "03-long.md")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buildSiteOf(t, dir, pipeline.Trainer), dir
}

// TestSlidesFitTheScreen goes through every slide of a long English lesson and a Chinese one
// at 1280×720: each slide stays on the screen, its text fits or the slide scrolls, body text
// is at least 28 px where it fits at full size, and Space reads a long slide to its end before
// moving on.
func TestSlidesFitTheScreen(t *testing.T) {
	s, src := longSectionsCourse(t)
	en := s.lessons(t, "en", "day-01-basics")[2]
	zh := s.translation(t, en, "zh-CN")
	shrunk, scrolled := 0, 0
	for _, l := range []lessonRef{en, zh} {
		want := headingsOf(t, src, l)
		b := slidesTab(t, s, strings.TrimSuffix(l.page, ".html")+".slides.html")
		if l.lang == "zh-CN" {
			if browsertest.NoFontFor("zh-cn") {
				t.Logf("no Chinese font is installed (apt-get install -y fonts-noto-cjk): Chinese text is measured in boxes")
			}
			if got := b.str(`getComputedStyle(document.body).fontFamily`); !strings.HasPrefix(got, `"PingFang SC"`) {
				t.Errorf("the Chinese slides use the fonts %s, want the CJK stack first", got)
			}
		}
		bigText := 0
		for i := range want {
			if i > 0 {
				b.key("ArrowRight")
			}
			b.waitSlide(i+1, len(want), want[i])
			f := browsertest.Eval[slideFacts](t, b.ctx, slideFactsJS)
			left, top, right, bottom, vw, vh := f.Rect[0], f.Rect[1], f.Rect[2], f.Rect[3], f.Rect[4], f.Rect[5]
			if left < 0 || top < 0 || right > vw+0.5 || bottom > vh+0.5 || right-left < 1200 {
				t.Errorf("%s slide %d is at (%.0f,%.0f)-(%.0f,%.0f), not across the %.0f×%.0f screen", l.lang, i+1, left, top, right, bottom, vw, vh)
			}
			sw, cw, sh, ch := f.Body[0], f.Body[1], f.Body[2], f.Body[3]
			if sw > cw+1 {
				t.Errorf("%s slide %d is %.0f px wide inside %.0f: something runs off its side", l.lang, i+1, sw, cw)
			}
			switch {
			case sh <= ch+1:
				if f.Long {
					t.Errorf("%s slide %d fits but is marked long", l.lang, i+1)
				}
			case !f.Long || f.Overflow != "auto" || f.Fit > 0.6:
				t.Errorf("%s slide %d runs %.0f px below its %.0f px without scrolling (fit %.2f, overflow %s)", l.lang, i+1, sh, ch, f.Fit, f.Overflow)
			}
			if f.Fit < 1 {
				shrunk++
				if f.FullHeight <= ch+1 {
					t.Errorf("%s slide %d has smaller type (%.2f) though it fits at full size", l.lang, i+1, f.Fit)
				}
			}
			if f.Fit == 1 {
				for _, px := range f.Text {
					bigText++
					if px < 28 {
						t.Errorf("%s slide %d has body text of %.1f px, want at least 28", l.lang, i+1, px)
					}
				}
			}
			if f.Long {
				scrolled++
				// Space scrolls the long slide down to its end, then moves on.
				for k := 0; k < 20 && b.num(`(b => b.scrollHeight - b.clientHeight - b.scrollTop)(document.querySelector(".deck > .slide:not([hidden]) .slide-body"))`) > 1; k++ {
					before := b.num(`document.querySelector(".deck > .slide:not([hidden]) .slide-body").scrollTop`)
					b.key(" ")
					b.waitFor(fmt.Sprintf(`document.querySelector(".deck > .slide:not([hidden]) .slide-body").scrollTop > %f`, before), "Space to scroll the long slide")
					b.waitSlide(i+1, len(want), want[i])
				}
				if i+1 < len(want) {
					b.key(" ")
					b.waitSlide(i+2, len(want), want[i+1])
					b.key("ArrowLeft")
					b.waitSlide(i+1, len(want), want[i])
				}
			}
		}
		if bigText == 0 && l.lang == "zh-CN" {
			t.Errorf("no slide of %s shows body text at full size: the 28 px check saw nothing", l.page)
		}
	}
	if shrunk == 0 || scrolled == 0 {
		t.Errorf("%d slides have smaller type and %d scroll: the lessons no longer test long sections", shrunk, scrolled)
	}
}

// mediaBox reads the size of the first page of a PDF, in points.
var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)

// TestPrintSlides prints slides as a handout: one landscape page per slide, long slides
// included, and nothing of the controls, the presenter view or the notes.
func TestPrintSlides(t *testing.T) {
	s := buildSite(t, pipeline.Trainer)
	en := s.lessons(t, "en", day1)[0]
	zh := s.translation(t, en, "zh-CN")
	for _, l := range []lessonRef{en, zh} {
		b := slidesTab(t, s, strings.TrimSuffix(l.page, ".html")+".slides.html")
		count := b.count(".deck > .slide")
		data, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		pages, err := browsertest.PageCount(data)
		if err != nil {
			t.Fatal(err)
		}
		if pages != count {
			t.Errorf("%s printed %d pages for its %d slides", l.page, pages, count)
		}
		if m := mediaBox.FindSubmatch(data); m == nil {
			t.Errorf("%s: the PDF has no media box", l.page)
		} else if w, _ := strconv.ParseFloat(string(m[1]), 64); w <= func() float64 { h, _ := strconv.ParseFloat(string(m[2]), 64); return h }() {
			t.Errorf("%s printed on %s × %s pt pages, want landscape", l.page, m[1], m[2])
		}
		text, ok := browsertest.PDFText(t, data)
		if !ok || (l.lang == "zh-CN" && browsertest.NoFontFor("zh-cn")) {
			continue
		}
		flat := squash(text)
		for _, hidden := range []string{"Presenter view", "演讲者视图", "Back to the lesson", "返回课文", b.str(`document.querySelector(".slide-notes").textContent`)} {
			if strings.Contains(flat, squash(hidden)) {
				t.Errorf("%s: the handout shows %.60q", l.page, hidden)
			}
		}
		if last := b.str(`document.querySelector(".deck > .slide:last-child h2").textContent`); !strings.Contains(flat, squash(last)) {
			t.Errorf("%s: the handout lacks the last slide's heading %q", l.page, last)
		}
	}
}

// TestSlidesWithoutScript: with JavaScript off, every slide shows, one after another.
func TestSlidesWithoutScript(t *testing.T) {
	s := buildQuizSite(t, pipeline.Trainer)
	b := newTab(t, s, s.root)
	b.projector()
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.open("en/day-02-next/only.slides.html")
	if v := b.deck(); v.Visible != 3 {
		t.Errorf("without JavaScript %d of the 3 slides show", v.Visible)
	}
	if got := b.num(`document.querySelectorAll(".slide-notes").length`); got != 2 {
		t.Fatalf("the trainer slides carry %.0f notes, want 2", got)
	}
	if got := b.num(`Array.from(document.querySelectorAll(".slide-notes, .deck-button")).filter(e => e.getClientRects().length > 0).length`); got != 0 {
		t.Errorf("without JavaScript %.0f notes or dead buttons show", got)
	}
}

// TestSlidesCore checks the pure logic of slides-core.js in the browser: which key does what,
// the slide of a hash, the order of the two windows' messages, the timer's text and the
// search for the largest type that fits.
func TestSlidesCore(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := slidesTab(t, s, "en/day-02-next/only.slides.html")
	got := b.str(`(() => {
		const c = Playbook.slidesCore, out = [];
		const key = (key, mods = {}, onControl = false) => c.actionOf({ key, ...mods }, onControl);
		out.push(["ArrowRight", "ArrowDown", "PageDown", " ", "Enter", "n", "N", "ArrowLeft", "ArrowUp", "PageUp", "Backspace", "p", "P",
			"Home", "End", "f", "F", "b", "B", ".", "s", "S", "Escape", "x", "Tab"].map(k => k + "=" + key(k)).join(" "));
		out.push([key("ArrowRight", { ctrlKey: true }), key("n", { altKey: true }), key("b", { metaKey: true }), key("Enter", {}, true), key(" ", {}, true), key("ArrowRight", {}, true)].join(" "));
		out.push([c.slideFromHash("#3", 5), c.slideFromHash("3", 5), c.slideFromHash("#0", 5), c.slideFromHash("#99", 5), c.slideFromHash("#fn:1", 5), c.slideFromHash("", 5), c.slideFromHash("#-2", 5)].join(" "));
		out.push([c.target("next", 4, 5), c.target("down", 0, 5), c.target("prev", 0, 5), c.target("up", 3, 5), c.target("first", 3, 5), c.target("last", 0, 5), c.target("black", 2, 5)].join(" "));
		const m = c.message("/a.html", "state", { index: 2, black: true, at: 7 });
		out.push([!!c.readMessage(m, "/a.html"), !!c.readMessage(m, "/b.html"), !!c.readMessage({ ...m, index: -1 }, "/a.html"),
			!!c.readMessage({ ...m, type: "eval" }, "/a.html"), !!c.readMessage({ ...m, app: "x" }, "/a.html"), !!c.readMessage("text", "/a.html"),
			c.newer(m, 6), c.newer(m, 7), c.stamp(10, 5), c.stamp(10, 50)].join(" "));
		out.push([0, 999, 61000, 3599000, 3600000, 3725000].map(c.elapsed).join(" "));
		const f = c.largestFit(s => s <= 0.73, 0.3);
		out.push([f > 0.71 && f <= 0.73, c.largestFit(() => true, 0.3), c.largestFit(() => false, 0.3)].join(" "));
		return out.join("\n");
	})()`)
	want := strings.Join([]string{
		"ArrowRight=next ArrowDown=down PageDown=down  =down Enter=next n=next N=next ArrowLeft=prev ArrowUp=up PageUp=up Backspace=prev p=prev P=prev " +
			"Home=first End=last f=fullscreen F=fullscreen b=black B=black .=black s=presenter S=presenter Escape=escape x=null Tab=null",
		"     next",
		"2 2 0 4   ",
		"4 1 0 2 0 4 2",
		"true false false false false false true false 11 50",
		"0:00 0:00 1:01 59:59 1:00:00 1:02:05",
		"true 1 0.3",
	}, "\n")
	if got != want {
		t.Errorf("slides core:\n%s\nwant\n%s", got, want)
	}
}
