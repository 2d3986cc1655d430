package e2e

// Search: the page script (site/theme/assets/search-core.js and search.js) against the index
// the Go build writes (site/search). The tokenizer and shard function must agree with Go on
// the shared vectors; the header box and the results page must find, rank, mark and open the
// right sections of the test course in both languages, by keyboard and by mouse, from file://
// and from an HTTP sub-path. TestSearchBenchmark measures a generated 10,000-page course; it
// runs only with PLAYBOOK_SEARCH_BENCH=1 (see docs/search.md for the figures).

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"playbook/internal/browsertest"
	"playbook/internal/corpus"
	"playbook/site/output"
	"playbook/site/pipeline"
	"playbook/site/search"
	"playbook/site/search/tokenize"
)

// awaitJS evaluates a JavaScript expression, waits for the promise it gives and returns its
// value decoded into T.
func awaitJS[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// press presses one key as a keyboard does: a keyDown that carries the key's text (so that a
// handler that cancels the keydown also cancels the typing) and a keyUp. mods is the CDP
// modifier bit field (Alt 1, Ctrl 2, Meta 4, Shift 8).
func (b *tab) press(key, code string, vk int64, text string, mods int64) {
	b.t.Helper()
	typ := input.DispatchKeyEventTypeKeyDown
	if text == "" {
		typ = input.DispatchKeyEventTypeRawKeyDown
	}
	for _, p := range []input.DispatchKeyEventParams{
		{Type: typ, Key: key, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk, Text: text, UnmodifiedText: text, Modifiers: mods},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: code, WindowsVirtualKeyCode: vk, NativeVirtualKeyCode: vk, Modifiers: mods},
	} {
		if _, err := chromedp.Call(b.ctx, input.DispatchKeyEvent, p); err != nil {
			b.t.Fatalf("pressing %s: %v", key, err)
		}
	}
}

// insertText types text at once, as an input method commits a Chinese word.
func (b *tab) insertText(text string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		b.t.Fatalf("typing %q: %v", text, err)
	}
}

// slash presses "/", the key that focuses the search box.
func (b *tab) slash() { b.press("/", "Slash", 191, "/", 0) }

// searchFor focuses the header box with "/", replaces its text with query, typed key by key
// (Latin) or committed at once (CJK, as an input method does), and waits until the popup
// shows the results of exactly that query.
func (b *tab) searchFor(query string) {
	b.t.Helper()
	b.run(`document.activeElement.blur(); document.querySelector("#pb-search").value = ""`)
	b.slash()
	if strings.IndexFunc(query, func(r rune) bool { return r > 0x2e80 }) >= 0 {
		b.insertText(query)
	} else {
		b.keys(query)
	}
	b.waitShown(query)
}

// waitShown waits until the popup shows the results of query.
func (b *tab) waitShown(query string) {
	b.t.Helper()
	b.waitFor(`Playbook.search && Playbook.search.boxes[0].shown === `+jsString(query)+` && !document.querySelector(".search-popup").hidden`, "the results of "+query)
}

// hit is one result as the popup or the results page shows it.
type hit struct {
	Title, Heading, Type, Day, Snippet, Href string
	Marks                                    []string
	Selected                                 string
}

// hits returns the results listed in the elements matching sel (each a result).
func (b *tab) hits(sel string) []hit {
	b.t.Helper()
	raw := b.str(`JSON.stringify(Array.from(document.querySelectorAll(` + jsString(sel) + `), li => {
		const q = (s) => li.querySelector(s)?.textContent.replace(/\s+/g, " ").trim() ?? "";
		return { Title: q(".search-result-title"), Heading: q(".search-result-heading"), Type: q(".search-result-type"),
			Day: q(".search-result-day"), Snippet: q(".search-result-snippet"), Href: li.querySelector("a").href,
			Marks: Array.from(li.querySelectorAll("mark"), m => m.textContent), Selected: li.getAttribute("aria-selected") || "" };
	}))`)
	var out []hit
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("reading the results: %v", err)
	}
	return out
}

// listed returns how many results the results page lists: its entries, and the results of
// their pages behind each "N more in this lesson" button.
func (b *tab) listed() int {
	b.t.Helper()
	return int(b.num(`document.querySelectorAll(".search-page-results .search-result").length +
		Array.from(document.querySelectorAll(".search-more-here"), (e) => parseInt(e.textContent.replace(/\D+/g, ""), 10) || 0).reduce((a, b) => a + b, 0)`))
}

// popupHits returns the results of the header box's popup.
func (b *tab) popupHits() []hit { return b.hits(`#pb-search-list [role="option"]`) }

// rankingCase is one case of site/search/testdata/ranking-cases.json: a query on the test
// course and what its results must be.
type rankingCase struct {
	Name  string `json:"name"`
	Lang  string `json:"lang"`
	Query string `json:"query"`
	// First is the URL of the best result, relative to the site root, fragment included.
	First string `json:"first"`
	// Before lists pairs of URLs: the first must rank above the second.
	Before [][2]string `json:"before"`
	// Includes lists URLs that must be among the results; Count, when set, their number.
	Includes []string `json:"includes"`
	Count    int      `json:"count"`
	// Marks are the texts the first result must mark (in any order, each at least once).
	Marks []string `json:"marks"`
	// Mode is "and" (the default) or "or" for a query no document matches whole.
	Mode string `json:"mode"`
}

func loadRankingCases(t *testing.T) []rankingCase {
	t.Helper()
	data, err := os.ReadFile("../site/search/testdata/ranking-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []rankingCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("ranking-cases.json: %v", err)
	}
	return file.Cases
}

func TestSearchCoreAgreesWithGo(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/index.html")

	data, err := os.ReadFile("../site/search/tokenize/testdata/tokenize-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors struct {
		Cases []struct {
			Text   string          `json:"text"`
			Tokens json.RawMessage `json:"tokens"`
			Query  []string        `json:"query"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors.Cases) < 10 {
		t.Fatalf("only %d tokenizer vectors", len(vectors.Cases))
	}
	// Every vector, and a few texts beyond them whose Go result is computed here.
	texts := []string{"客戶關係管理：忠誠、投訴處理", "İstanbul ΣΊΣΥΦΟΣ straße", "planning hopping fizzed riding", "ties lies dies buses", "x'y'z' 'quoted' it’s", "客'户 a客 ab客 ½ ²", "々ー化学カーテン", "３４ＡＢｃ"}
	for _, c := range vectors.Cases {
		texts = append(texts, c.Text)
	}
	textsJSON, _ := json.Marshal(texts)
	// The page folds the Traditional characters that the index needs (meta.fold): here
	// those of the texts, from Go's table.
	var pairs strings.Builder
	all := strings.Join(texts, "")
	for from, to := range tokenize.TraditionalPairs() {
		if strings.ContainsRune(all, from) {
			pairs.WriteRune(from)
			pairs.WriteRune(to)
		}
	}
	raw := b.str(`(() => { const fold = Playbook.searchCore.foldMap(` + jsString(pairs.String()) + `);
		return JSON.stringify(` + string(textsJSON) + `.map(x => ({
		tokens: Playbook.searchCore.tokenize(x, fold).map(t => [t.term, t.pos]),
		query: Playbook.searchCore.queryTerms(x, fold) }))); })()`)
	var got []struct {
		Tokens [][]any `json:"tokens"`
		Query  []string
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		var want [][]any
		for _, tok := range tokenize.Text(text) {
			want = append(want, []any{tok.Term, float64(tok.Pos)})
		}
		if a, b := jsonOf(got[i].Tokens), jsonOf(want); a != b {
			t.Errorf("tokenize(%q)\n  JS %s\n  Go %s", text, a, b)
		}
		if a, b := jsonOf(got[i].Query), jsonOf(tokenize.QueryTerms(text)); a != b {
			t.Errorf("queryTerms(%q): JS %s, Go %s", text, a, b)
		}
	}
	// The vectors themselves, as written.
	for i, c := range vectors.Cases {
		g := got[len(texts)-len(vectors.Cases)+i]
		if a, w := jsonOf(g.Tokens), compactJSON(t, c.Tokens); a != w {
			t.Errorf("tokenize(%q) = %s, the vector says %s", c.Text, a, w)
		}
		if a, w := jsonOf(g.Query), jsonOf(c.Query); a != w {
			t.Errorf("queryTerms(%q) = %s, the vector says %s", c.Text, a, w)
		}
	}

	// The shard of a term, for terms of every script and shard counts from 1 to 1,000.
	terms := []string{"", "a", "customer", "platinum", "客户", "白", "白金", "crm", "123", "café", "naïve", "カタ", "한국", "😀", "customer's"}
	for i := 0; i < 200; i++ {
		terms = append(terms, fmt.Sprintf("w%d", i*7919), string(rune(0x4e00+i*97)))
	}
	termsJSON, _ := json.Marshal(terms)
	for _, n := range []int{1, 2, 7, 64, 257, 1000} {
		got := browsertest.Eval[[]int](t, b.ctx, fmt.Sprintf(`%s.map(x => Playbook.searchCore.shardOf(x, %d))`, termsJSON, n))
		for i, term := range terms {
			if want := search.ShardOf(term, n); got[i] != want {
				t.Errorf("shardOf(%q, %d) = %d, Go says %d", term, n, got[i], want)
			}
		}
	}
}

func jsonOf(v any) string {
	data, _ := json.Marshal(v)
	if s := string(data); s != "null" {
		return s
	}
	return "[]"
}

func compactJSON(t *testing.T, raw json.RawMessage) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return jsonOf(v)
}

// TestSearchCoreRanking checks the ranking rules on postings made up for the purpose: every
// word required (with a fallback to any word), the phrase and proximity bonuses, completion
// of the word being typed, and snippets centred on the first match.
func TestSearchCoreRanking(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	// Postings give document numbers as gaps (index format 2). Three documents of 100: doc 1 has "customer value" as a phrase, doc 2 both words far
	// apart but more often, doc 3 only "value", doc 4 "value customer" (the wrong order, close).
	got := b.str(`(() => {
		const c = Playbook.searchCore;
		const P = (flat) => c.decodePostings(flat);
		const customer = { term: "customer", weight: 1, postings: P([3, 1,1,1,2010, 1,1.5,2,2001,2040, 2,1,1,2021]) };
		const value = { term: "value", weight: 1, postings: P([4, 1,1,1,2011, 1,1.5,2,2030,2050, 1,3,1,2000, 1,1,1,2020]) };
		const ids = (r) => r.results.map(x => x.doc).join(",");
		const phrase = c.rank(100, [{ qpos: 0, terms: [customer] }, { qpos: 1, terms: [value] }]);
		const none = c.rank(100, [{ qpos: 0, terms: [customer] }, { qpos: 1, terms: [{ term: "zebra", postings: null }] }]);
		const oneWord = c.rank(100, [{ qpos: 0, terms: [value] }]);
		return JSON.stringify([phrase.mode, ids(phrase), none.mode, ids(none), oneWord.mode, ids(oneWord)]);
	})()`)
	// doc 1 (phrase) before doc 4 (close, wrong order) before doc 2 (far apart, higher tf);
	// doc 3 lacks "customer". With a word no document has, any word may match.
	if want := `["and","1,4,2","or","2,1,4","and","3,2,1,4"]`; got != want {
		t.Errorf("rank: got %s, want %s", got, want)
	}

	// Typos: the nearest word within one edit from four letters, two from eight; synonyms.
	got = b.str(`(() => { const c = Playbook.searchCore, df = { loyalty: 9, royalty: 1, customer: 5 };
		return JSON.stringify([c.nearest("loyality", ["loyal", "loyalty", "royalty"], (x) => df[x] || 0), c.nearest("lyoalty", ["loyalty"], () => 1),
			c.nearest("custmer", ["customer", "custom"], (x) => df[x] || 0), c.nearest("cat", ["car"], () => 1), c.nearest("valeu", ["value"], () => 1),
			c.synonymQueries("终身价值是什么", [["客户终生价值", "终身价值"]]), c.synonymQueries("client card", [["customer", "client"]])]); })()`)
	if want := `["loyalty","loyalty","customer","","value",["客户终生价值是什么"],["customer card"]]`; got != want {
		t.Errorf("typos and synonyms: got %s, want %s", got, want)
	}
	// Stop words are optional in a longer query, Chinese ones with the pairs that touch them.
	got = b.str(`JSON.stringify(["how to handle a complaint", "如何处理投诉", "how to"].map(q =>
		Playbook.searchCore.parseQuery(q).terms.map(x => x.term + (x.optional ? "?" : "")).join(" ")))`)
	if want := `["how? to? handle a? complaint","如何? 何处? 处理 理投 投诉","how to"]`; got != want {
		t.Errorf("optional stop words: got %s, want %s", got, want)
	}
	// An optional group adds to the score of the documents that have it but is not required.
	got = b.str(`(() => {
		const c = Playbook.searchCore;
		const P = (flat) => c.decodePostings(flat);
		const r = c.rank(10, [{ qpos: 0, terms: [{ term: "handle", postings: P([2, 1,1,1,2000, 1,1,1,2000]) }] },
			{ qpos: 1, optional: true, terms: [{ term: "a", postings: P([1, 2,1,1,2001]) }] }]);
		return JSON.stringify(r.results.map(x => x.doc));
	})()`)
	if want := `[2,1]`; got != want {
		t.Errorf("optional group: got %s, want %s", got, want)
	}

	got = b.str(`(() => {
		const c = Playbook.searchCore;
		const sorted = ["custard", "custom", "customer", "customs", "cut", "zebra"];
		const df = { custard: 1, custom: 5, customer: 9, customs: 5 };
		const pq = c.parseQuery("big custo");
		const done = c.parseQuery("big custo ");
		return JSON.stringify([pq.prefix, done.prefix, c.expand([pq.prefix, pq.prefixTerm], sorted, (x) => df[x] || 0, pq.prefixTerm),
			c.parseQuery("白金").prefix, c.parseQuery("a").prefix, c.parseQuery("customer's").prefix]);
	})()`)
	if want := `["custo","",["customer","custom","customs"],"","","customers"]`; got != want {
		t.Errorf("prefix: got %s, want %s", got, want)
	}

	got = b.str(`(() => {
		const c = Playbook.searchCore;
		const text = "word ".repeat(60) + "Platinum customers matter. " + "tail ".repeat(60);
		const m = c.matcher(["customer"]);
		const s = c.snippet(text, m, 80);
		const zh = c.highlight("白金客户是前百分之一的客户。", c.matcher(["白金", "金客", "客户"]));
		return JSON.stringify([s.map(([t, k]) => k ? "[" + t + "]" : t).join(""), zh.filter(x => x[1]).map(x => x[0])]);
	})()`)
	var snip []any
	if err := json.Unmarshal([]byte(got), &snip); err != nil {
		t.Fatal(err)
	}
	if text := snip[0].(string); !strings.HasPrefix(text, "…") || !strings.HasSuffix(text, "…") || !strings.Contains(text, "Platinum [customers] matter.") || len([]rune(text)) > 84 {
		t.Errorf("snippet = %q: want about 80 characters around the marked word, cut with ellipses", text)
	}
	if got, want := jsonOf(snip[1]), `["白金客户","客户"]`; got != want {
		t.Errorf("Chinese marks = %s, want %s (the bigrams of one run merge)", got, want)
	}
}

// TestSearchBox types the ranking cases into the header box, in both languages, and checks
// the results the popup lists: order, marked words, type and day, and links to the section.
func TestSearchBox(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	cases := loadRankingCases(t)
	for _, lang := range []string{"en", "zh-CN"} {
		t.Run(lang, func(t *testing.T) {
			b := newTab(t, s, s.root)
			b.open(lang + "/index.html")
			for _, c := range cases {
				if c.Lang != lang {
					continue
				}
				b.searchFor(c.Query)
				popup := b.popupHits()
				// The popup lists the best few; the results behind it come from the same engine.
				all := awaitJS[[]string](b, `(async () => { const r = await Playbook.search.search(`+jsString(c.Query)+`);
					const rows = await Promise.all(r.results.map(x => Playbook.search.boxes[0].store.row(r.meta, x.doc)));
					return rows.map(x => x.url).concat([r.mode]); })()`)
				mode := all[len(all)-1]
				urls := all[:len(all)-1]
				if len(popup) == 0 {
					t.Errorf("%s: no results", c.Name)
					continue
				}
				if got := b.relOf(popup[0].Href) + fragment(popup[0].Href); got != c.First {
					t.Errorf("%s: the first result is %s, want %s (results: %v)", c.Name, got, c.First, urls)
				}
				if want := cmpOr(c.Mode, "and"); mode != want {
					t.Errorf("%s: mode %s, want %s", c.Name, mode, want)
				}
				for _, u := range c.Includes {
					if !slices.Contains(urls, u) {
						t.Errorf("%s: %s is not among the results %v", c.Name, u, urls)
					}
				}
				if c.Count > 0 && len(urls) != c.Count {
					t.Errorf("%s: %d results %v, want %d", c.Name, len(urls), urls, c.Count)
				}
				for _, pair := range c.Before {
					i, j := slices.Index(urls, pair[0]), slices.Index(urls, pair[1])
					if i < 0 || j < 0 || i > j {
						t.Errorf("%s: %s should rank above %s: %v", c.Name, pair[0], pair[1], urls)
					}
				}
				for _, m := range c.Marks {
					if !slices.ContainsFunc(popup[0].Marks, func(x string) bool { return strings.EqualFold(x, m) }) {
						t.Errorf("%s: the first result marks %q, want %q among them", c.Name, popup[0].Marks, m)
					}
				}
				for _, h := range popup {
					if h.Type == "" || h.Title == "" || !strings.HasPrefix(h.Day, map[string]string{"en": "Day ", "zh-CN": "第 "}[lang]) {
						t.Errorf("%s: a result lacks its title, type or day: %+v", c.Name, h)
					}
				}
				status := b.text(".search-status")
				if n := len(urls); !strings.Contains(status, fmt.Sprint(n)) {
					t.Errorf("%s: the status says %q, not the %d results", c.Name, status, n)
				}
			}
		})
	}
}

// fragment returns the fragment of a URL with its "#", percent-decoded.
func fragment(u string) string {
	if _, f, ok := strings.Cut(u, "#"); ok {
		if d, err := url.PathUnescape(f); err == nil {
			f = d
		}
		return "#" + f
	}
	return ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestSearchBoxKeyboard works the combobox with the keyboard only: / and Ctrl-K focus it, the
// arrows, Home and End move through the results, Escape closes the list, Enter opens the
// chosen result at its section, and Enter with none chosen opens the results page.
func TestSearchBoxKeyboard(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	input := `document.querySelector("#pb-search")`
	attr := func(name string) string { return b.str(input + `.getAttribute("` + name + `") || ""`) }

	b.slash()
	if got := b.str(`document.activeElement.id`); got != "pb-search" {
		t.Fatalf("/ focused %q, want the search box", got)
	}
	if v := b.str(input + `.value`); v != "" {
		t.Errorf("/ typed itself into the box: %q", v)
	}
	b.run(`document.activeElement.blur()`)
	b.press("k", "KeyK", 75, "", 2)
	if got := b.str(`document.activeElement.id`); got != "pb-search" {
		t.Fatalf("Ctrl-K focused %q, want the search box", got)
	}
	if attr("role") != "combobox" || attr("aria-controls") != "pb-search-list" || attr("aria-expanded") != "false" {
		t.Errorf("the box is not a closed combobox: role=%q aria-controls=%q aria-expanded=%q", attr("role"), attr("aria-controls"), attr("aria-expanded"))
	}

	b.keys("platinum")
	b.waitShown("platinum")
	n := len(b.popupHits())
	if n < 4 {
		t.Fatalf("platinum lists %d results, want at least 4", n)
	}
	if attr("aria-expanded") != "true" || attr("aria-activedescendant") != "" {
		t.Errorf("with results listed: aria-expanded=%q aria-activedescendant=%q, want true and none", attr("aria-expanded"), attr("aria-activedescendant"))
	}
	selected := func() int {
		for i, h := range b.popupHits() {
			if h.Selected == "true" {
				if id := attr("aria-activedescendant"); id != fmt.Sprintf("pb-search-opt-%d", i) {
					t.Errorf("option %d is selected but aria-activedescendant is %q", i, id)
				}
				return i
			}
		}
		return -1
	}
	steps := []struct {
		key  string
		want int
	}{{kb.ArrowDown, 0}, {kb.ArrowDown, 1}, {kb.ArrowUp, 0}, {kb.End, n - 1}, {kb.ArrowDown, 0}, {kb.ArrowUp, n - 1}, {kb.Home, 0}, {kb.ArrowDown, 1}}
	for _, st := range steps {
		b.keys(st.key)
		if got := selected(); got != st.want {
			t.Errorf("after %q the selected option is %d, want %d", st.key, got, st.want)
		}
	}
	if b.str(`document.activeElement.id`) != "pb-search" {
		t.Error("moving through the list took the focus from the box")
	}
	b.keys(kb.Escape)
	if attr("aria-expanded") != "false" || b.visible(".search-popup") {
		t.Errorf("Escape left the list open (aria-expanded=%q)", attr("aria-expanded"))
	}
	if v := b.str(input + `.value`); v != "platinum" {
		t.Errorf("Escape with the list open changed the query to %q", v)
	}
	b.keys(kb.ArrowDown)
	if !b.visible(".search-popup") || selected() != 0 {
		t.Errorf("ArrowDown did not reopen the list on the first result")
	}
	b.keys(kb.ArrowDown)
	want := b.popupHits()[1].Href
	if fragment(want) == "" {
		t.Fatalf("the second result %s links to no section", want)
	}
	b.keys(kb.Enter)
	browsertest.WaitURL(t, b.ctx, want)
	b.checkLang()
	id := strings.TrimPrefix(fragment(want), "#")
	if b.num(`document.getElementById(decodeURIComponent(`+jsString(id)+`)) ? 1 : 0`) != 1 {
		t.Errorf("Enter opened %s, which has no element #%s", want, id)
	}

	// Enter with no result chosen opens the results page for the query.
	b.searchFor("gold")
	b.keys(kb.Enter)
	browsertest.WaitURL(t, b.ctx, s.root+"en/search.html?q=gold")
	b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length > 0`, "the results page to list results")
	if v := b.str(`document.querySelector("#pb-search-page").value`); v != "gold" {
		t.Errorf("the results page's box says %q, want gold", v)
	}

	// On the results page, / typed in the page's own box is just a character.
	b.click("#pb-search-page")
	b.slash()
	if got, v := b.str(`document.activeElement.id`), b.str(`document.querySelector("#pb-search-page").value`); got != "pb-search-page" || v != "gold/" {
		t.Errorf("/ in another field: focus %q, value %q; want the field to keep the focus and the character", got, v)
	}
}

// TestSearchBoxMouse clicks a result: it opens the exact section.
func TestSearchBoxMouse(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("zh-CN/index.html")
	b.searchFor("白金客户")
	hits := b.popupHits()
	if len(hits) != 1 || b.relOf(hits[0].Href)+fragment(hits[0].Href) != "zh-CN/quizzes/basics-check.html#q-think" {
		t.Fatalf("白金客户 lists %+v, want only the question about platinum customers", hits)
	}
	if got := b.follow(`#pb-search-list [role="option"] a`); got != "zh-CN/quizzes/basics-check.html" {
		t.Errorf("clicking the result opened %s", got)
	}
	if loc := browsertest.Location(t, b.ctx); !strings.HasSuffix(loc, "#q-think") {
		t.Errorf("clicking the result opened %s, not the question's anchor", loc)
	}
	if b.num(`document.getElementById("q-think") ? 1 : 0`) != 1 {
		t.Error("the quiz page has no #q-think")
	}
}

// TestSearchResultsPage opens search.html?q= from file:// and from an HTTP sub-path, and
// filters its results by type.
func TestSearchResultsPage(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)

	check := func(t *testing.T, b *tab, page, query, first string, types []string) {
		t.Helper()
		b.open(page + "?q=" + query)
		b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length > 0`, "results on "+page)
		hits := b.hits(".search-page-results .search-result")
		if got := b.relOf(hits[0].Href) + fragment(hits[0].Href); got != first {
			t.Errorf("%s?q=%s: the first result is %s, want %s", page, query, got, first)
		}
		if len(hits[0].Marks) == 0 {
			t.Errorf("%s?q=%s: the first result marks nothing", page, query)
		}
		status := b.text(".search-page-status")
		if n := b.listed(); !strings.Contains(status, fmt.Sprint(n)) || !strings.Contains(status, query) {
			t.Errorf("%s?q=%s: the status says %q, want the %d results and the query", page, query, status, n)
		}
		if got := b.texts(".search-filters fieldset:first-child label"); len(got) != len(types)+1 {
			t.Errorf("%s?q=%s: type filters %q, want All and %q", page, query, got, types)
		}
		if b.visible(".no-script-notice") {
			t.Errorf("%s: the no-script notice shows", page)
		}
	}

	t.Run("file", func(t *testing.T) {
		b := newTab(t, s, s.root)
		check(t, b, "en/search.html", "platinum", "en/quizzes/basics-check.html#q-tier", []string{"Lesson", "Quiz", "Worksheet"})
		b.click(`.search-filters input[value="worksheet"]`)
		hits := b.hits(".search-page-results .search-result")
		if len(hits) != 2 || hits[0].Type != "Worksheet" || hits[1].Type != "Worksheet" {
			t.Errorf("filtered to worksheets, the page lists %+v", hits)
		}
		if st := b.text(".search-page-status"); !strings.Contains(st, "2 of them match the filters.") || strings.Contains(st, "Showing") {
			t.Errorf("filtered, the status says %q, want the 2 that pass the filters (all of them shown)", st)
		}
		// The filters are in the address: a reload keeps them, and so does the language switcher.
		if loc := browsertest.Location(t, b.ctx); !strings.HasSuffix(loc, "search.html?q=platinum&type=worksheet") {
			t.Errorf("filtered, the address is %s", loc)
		}
		b.open("en/search.html?q=platinum&type=worksheet")
		b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length === 2`, "the two worksheets after a reload")
		if b.num(`document.querySelector('.search-filters input[value="worksheet"]').checked ? 1 : 0`) != 1 {
			t.Error("after a reload the worksheet filter is not chosen")
		}
		if href := b.str(`document.querySelector('.lang-switch a[hreflang="zh-CN"]').href`); !strings.HasSuffix(href, "zh-CN/search.html?q=platinum&type=worksheet") {
			t.Errorf("the language switcher links to %s, losing the query or the filter", href)
		}
		b.click(`.search-filters input[name="pb-filter-type"][value=""]`)
		if n := b.listed(); n != 6 {
			t.Errorf("back to all types, the page lists %d results, want 6", n)
		}
		// A page's results are one entry: the best section, and a button for the others.
		if n := len(b.hits(".search-page-results > .search-result")); n >= 6 {
			t.Errorf("the results of one page are not grouped: %d entries", n)
		}
		b.click(".search-more-here")
		b.waitFor(`document.querySelector(".search-page-sub .search-result")`, "the other results of a page")
		// Typing in the page's box searches again and keeps the query in the address.
		b.click("#pb-search-page")
		b.run(`document.querySelector("#pb-search-page").select()`)
		b.keys("customers")
		b.waitFor(`document.querySelector(".search-page-status").textContent.includes("customers")`, "the results of customers")
		if loc := browsertest.Location(t, b.ctx); !strings.HasSuffix(loc, "search.html?q=customers") {
			t.Errorf("after a new search the address is %s", loc)
		}
		check(t, b, "zh-CN/search.html", "白金", "zh-CN/quizzes/basics-check.html#q-tier", []string{"课节", "测验", "工作表"})
		// One result: the count is said once, and the query is the query.
		b.open("zh-CN/search.html?q=" + url.QueryEscape("白金客户"))
		b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length === 1`, "one result for 白金客户")
		if st := b.text(".search-page-status"); st != "找到 1 条与“白金客户”相关的结果。" {
			t.Errorf("one result: the status says %q", st)
		}
		// The language switcher keeps a section's anchor.
		b.open("en/quizzes/basics-check.html#q-think")
		if href := b.str(`document.querySelector('.lang-switch a[hreflang="zh-CN"]').href`); !strings.HasSuffix(href, "zh-CN/quizzes/basics-check.html#q-think") {
			t.Errorf("the language switcher links to %s, losing the anchor", href)
		}
		b.open("en/search.html")
		if st := b.text(".search-page-status"); st != "Type a word to search the course." {
			t.Errorf("without a query the status says %q", st)
		}
		b.open("en/search.html?q=zebra")
		b.waitFor(`document.querySelector(".search-page-status").textContent.includes("zebra")`, "the status of a query without results")
		if st := b.text(".search-page-status"); st != "No results for “zebra”." {
			t.Errorf("a query without results: status %q", st)
		}
	})

	t.Run("http", func(t *testing.T) {
		const prefix = "/some/sub/path/"
		var mu sync.Mutex
		var outside []string
		files := http.StripPrefix(prefix, http.FileServer(http.Dir(s.dir)))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.URL.Path, prefix) {
				mu.Lock()
				outside = append(outside, r.URL.Path)
				mu.Unlock()
			}
			files.ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)
		b := newTab(t, s, srv.URL+prefix)
		check(t, b, "en/search.html", "platinum", "en/quizzes/basics-check.html#q-tier", []string{"Lesson", "Quiz", "Worksheet"})
		b.open("zh-CN/day-01-basics/index.html")
		b.searchFor("铁")
		if hits := b.popupHits(); len(hits) != 2 || hits[0].Marks[0] != "铁" {
			t.Errorf("铁 over HTTP lists %+v", hits)
		}
		b.keys(kb.Enter)
		browsertest.WaitURL(t, b.ctx, srv.URL+prefix+"zh-CN/search.html?q=%E9%93%81")
		b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length === 2`, "two results for 铁")
		mu.Lock()
		defer mu.Unlock()
		if len(outside) > 0 {
			t.Errorf("the browser asked for %q, outside %s", outside, prefix)
		}
	})
}

// TestSearchIndexFailures removes index files: a missing term shard makes the results
// incomplete, a missing meta.js makes search unavailable, and neither throws.
func TestSearchIndexFailures(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	if err := os.Remove(filepath.Join(s.dir, "search", "en", "t-0.js")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(s.dir, "search", "zh-CN", "meta.js")); err != nil {
		t.Fatal(err)
	}
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	b.searchFor("platinum")
	if st := b.text(".search-status"); !strings.Contains(st, "No results") || !strings.Contains(st, "could not be loaded") {
		t.Errorf("with a shard missing the status says %q", st)
	}
	b.keys(kb.Backspace)
	b.waitShown("platinu")
	b.open("zh-CN/index.html")
	b.searchFor("白金")
	if st := b.text(".search-status"); st != "搜索暂不可用：无法加载搜索索引。" {
		t.Errorf("with meta.js missing the status says %q", st)
	}
	// The two missing files are the only problems: the browser logs each failed load once.
	var failed []string
	for _, p := range b.probs.List() {
		if !strings.Contains(p.Text, "ERR_FILE_NOT_FOUND") {
			t.Errorf("unexpected problem: %s", p)
		}
		failed = append(failed, p.URL)
	}
	b.probs.Reset()
	if len(failed) != 2 {
		t.Errorf("the missing files were requested %d times (%q), want once each", len(failed), failed)
	}
}

// TestSearchLoadsDescriptionWhenIdle checks that a page loads its index description, and
// nothing else of the index, once it is idle, before anyone touches the box, and that the
// first search then starts from it: it loads term and document files only.
func TestSearchLoadsDescriptionWhenIdle(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	b.waitFor(`Playbook.search && Playbook.search.loads.length > 0 && Playbook.search.loads.every(l => l[2] > 0)`, "the page to load the index description")
	time.Sleep(200 * time.Millisecond)
	loaded := func() []string {
		return b.strs(`Playbook.search.loads.map(l => l[0].replace(/^.*\/search\//, ""))`)
	}
	if got := loaded(); !slices.Equal(got, []string{"en/meta.js"}) {
		t.Errorf("an idle page loaded %q, want the index description alone", got)
	}
	if got := b.str(`document.activeElement.id`); got == "pb-search" {
		t.Fatal("the box has the focus before anyone gave it")
	}
	b.searchFor("platinum")
	got := loaded()
	if got[0] != "en/meta.js" || slices.Contains(got[1:], "en/meta.js") {
		t.Errorf("index files loaded: %q, want meta.js first and once", got)
	}
	for _, f := range got[1:] {
		if !regexp.MustCompile(`^en/[tvd]-\d+\.js$`).MatchString(f) {
			t.Errorf("the first search loaded %s, want term, vocabulary and document files only", f)
		}
	}
	if len(got) < 3 {
		t.Errorf("the first search loaded %q, want a term file and document files", got[1:])
	}
}

// TestSearchLooks checks the style: marks readable in both colour schemes, the box the full
// width of a narrow screen, and no search box in print.
func TestSearchLooks(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	b.searchFor("platinum")
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		fg, bg := b.str(`getComputedStyle(document.querySelector("mark")).color`), b.str(`getComputedStyle(document.querySelector("mark")).backgroundColor`)
		if r := contrastRGB(t, fg, bg); r < 4.5 {
			t.Errorf("%s scheme: <mark> is %s on %s, contrast %.2f, below 4.5", scheme, fg, bg, r)
		}
		b.keys(kb.ArrowDown)
		if o := b.str(`getComputedStyle(document.querySelector('[aria-selected="true"]')).outlineStyle`); o != "solid" {
			t.Errorf("%s scheme: the selected result has no outline (%s)", scheme, o)
		}
		b.keys(kb.ArrowUp)
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if b.visible(".site-search") {
		t.Error("the search box shows in print")
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	box := browsertest.Eval[[]float64](t, b.ctx, `(() => { const r = document.querySelector(".search-input").getBoundingClientRect(), p = document.querySelector(".search-popup").getBoundingClientRect(); return [r.width, p.left, p.right, document.documentElement.clientWidth]; })()`)
	if box[0] < box[3]-60 || box[1] < 0 || box[2] > box[3] {
		t.Errorf("on a 360px screen the box is %.0fpx wide and the popup spans %.0f-%.0f of %.0f", box[0], box[1], box[2], box[3])
	}
}

// contrastRGB returns the WCAG contrast ratio of two computed rgb() colours.
func contrastRGB(t *testing.T, a, b string) float64 {
	lum := func(c string) float64 {
		var r, g, bl float64
		if _, err := fmt.Sscanf(c, "rgb(%g, %g, %g)", &r, &g, &bl); err != nil {
			t.Fatalf("colour %q: %v", c, err)
		}
		ch := func(v float64) float64 {
			v /= 255
			if v <= 0.03928 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// writeVocabulary adds to the index of lang in dir the vocabulary files that docs/search.md
// proposes (the Go build does not write them yet): v-<k>.js, each
// Playbook.searchLoad({"kind":"vocab","lang":..,"shard":k,"terms":[term, df, ...]}) with the
// terms, sorted, whose first two characters (runes) hash to k (search.ShardOf) among
// meta.vocab files; only terms of two or more characters that do not start with a CJK
// character. It sets meta.vocab and returns the number of files and their total size.
func writeVocabulary(t *testing.T, dir, lang string, perFile int) (int, int64) {
	t.Helper()
	folder := filepath.Join(dir, "search", lang)
	read := func(name string) map[string]any {
		data, err := os.ReadFile(filepath.Join(folder, name))
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(string(data), "Playbook.searchLoad("), ");\n")), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	meta := read("meta.js")
	type entry struct {
		term string
		df   float64
	}
	var terms []entry
	size := 0
	for k := 0; k < int(meta["shards"].(float64)); k++ {
		for term, flat := range read(fmt.Sprintf("t-%d.js", k))["terms"].(map[string]any) {
			r := []rune(term)
			// A CJK character doubled is a run: two characters and a bigram.
			if len(r) < 2 || len(tokenize.Text(string([]rune{r[0], r[0]}))) == 3 {
				continue
			}
			terms = append(terms, entry{term, flat.([]any)[0].(float64)})
			size += len(term) + 8
		}
	}
	n := max(1, (size+perFile-1)/perFile)
	buckets := make([][]any, n)
	sort.Slice(terms, func(i, j int) bool { return terms[i].term < terms[j].term })
	for _, e := range terms {
		k := search.ShardOf(string([]rune(e.term)[:2]), n)
		buckets[k] = append(buckets[k], e.term, e.df)
	}
	var total int64
	for k, b := range buckets {
		data, _ := json.Marshal(map[string]any{"kind": "vocab", "lang": lang, "shard": k, "terms": append([]any{}, b...)})
		file := []byte("Playbook.searchLoad(" + string(data) + ");\n")
		if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("v-%d.js", k)), file, 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(len(file))
	}
	meta["vocab"] = n
	data, _ := json.Marshal(meta)
	if err := os.WriteFile(filepath.Join(folder, "meta.js"), []byte("Playbook.searchLoad("+string(data)+");\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return n, total
}

// TestSearchVocabulary completes the word being typed from the vocabulary files of
// docs/search.md, made here as the Go build would.
func TestSearchVocabulary(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	if n, _ := writeVocabulary(t, s.dir, "en", 64); n < 2 {
		t.Fatalf("the test vocabulary has %d files, want several", n)
	}
	b := newTab(t, s, s.root)
	b.open("en/index.html")
	b.searchFor("custo")
	hits := b.popupHits()
	if len(hits) != 2 || b.relOf(hits[0].Href)+fragment(hits[0].Href) != "en/quizzes/basics-check.html#q-think" || !slices.Contains(hits[0].Marks, "customers") {
		t.Errorf("custo lists %+v, want the two pages about customers, the word marked", hits)
	}
	vocab := 0
	for _, u := range b.reqs.URLs() {
		if strings.Contains(u, "/search/en/v-") {
			vocab++
		}
	}
	if vocab != 1 {
		t.Errorf("custo loaded %d vocabulary files, want 1", vocab)
	}
}

// ---- Benchmark ------------------------------------------------------------------------------

// benchQuery is one measured query: how long from the key press to the results in the
// popup, and the index bytes the page loaded for it.
type benchQuery struct {
	ms     float64
	paint  float64
	bytes  int64
	files  int
	phases string
	// rank, rows and render split ms: ranking (with the term files), loading the documents
	// listed, and building the list.
	rank, rows, render float64
}

// TestSearchBenchmark builds a 10,000-page course and measures search in Chromium: time from
// a key press to the results in the popup with nothing loaded (a fresh browser each time) and
// with the index files in memory, the bytes loaded for a first one-word query, and the size
// of the index against the HTML. Run it with
//
//	PLAYBOOK_SEARCH_BENCH=1 go test ./e2e -run TestSearchBenchmark -v
func TestSearchBenchmark(t *testing.T) {
	if testing.Short() || os.Getenv("PLAYBOOK_SEARCH_BENCH") != "1" {
		t.Skip("set PLAYBOOK_SEARCH_BENCH=1 to build a 10,000-page course and measure search")
	}
	// PLAYBOOK_SEARCH_BENCH_SITE names a folder to keep the built course in between runs: it
	// is built there when it has no search index yet (remove it after changing the build).
	dir := os.Getenv("PLAYBOOK_SEARCH_BENCH_SITE")
	if _, err := os.Stat(filepath.Join(dir, "search", "en", "meta.js")); dir == "" || err != nil {
		if dir == "" {
			dir = filepath.Join(t.TempDir(), "site")
		}
		start := time.Now()
		res := pipeline.Build(corpus.Generate(10000), pipeline.Options{})
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags[:min(5, len(res.Diags))])
		}
		if err := output.Write(res.Site, dir); err != nil {
			t.Fatal(err)
		}
		t.Logf("built %d pages in %s", res.Pages, time.Since(start).Round(time.Millisecond))
	}

	var htmlBytes, indexBytes int64
	indexFiles := map[string]int{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, _ := d.Info()
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasSuffix(rel, ".html"):
			htmlBytes += info.Size()
		case strings.HasPrefix(rel, "search/"):
			indexBytes += info.Size()
			indexFiles[strings.SplitN(baseName(rel), "-", 2)[0]]++
		}
		return nil
	})
	meta := map[string]any{}
	for _, lang := range []string{"en", "zh-CN"} {
		data, _ := os.ReadFile(filepath.Join(dir, "search", lang, "meta.js"))
		var m map[string]any
		_ = json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(string(data), "Playbook.searchLoad("), ");\n")), &m)
		meta[lang] = fmt.Sprintf("%v docs, %v shards", m["docs"], m["shards"])
	}
	t.Logf("index: %s in %v files (%v); HTML: %s; index/HTML = %.1f%%", mb(indexBytes), indexFiles, meta, mb(htmlBytes), 100*float64(indexBytes)/float64(htmlBytes))
	var shardSizes []int64
	for _, lang := range []string{"en", "zh-CN"} {
		ents, _ := os.ReadDir(filepath.Join(dir, "search", lang))
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), "t-") {
				info, _ := e.Info()
				shardSizes = append(shardSizes, info.Size())
			}
		}
	}
	for _, lang := range []string{"en", "zh-CN"} {
		var t0, d0 int64
		ents, _ := os.ReadDir(filepath.Join(dir, "search", lang))
		for _, e := range ents {
			info, _ := e.Info()
			if strings.HasPrefix(e.Name(), "t-") {
				t0 += info.Size()
			} else {
				d0 += info.Size()
			}
		}
		t.Logf("%s index: terms %s, documents %s", lang, mb(t0), mb(d0))
	}
	// What the proposed Go changes (docs/search.md) would save, by re-encoding this index:
	// 240 characters of text per document, at most 4 positions per posting and none for single
	// CJK characters.
	for _, delta := range []bool{false, true} {
		var smaller int64
		for _, lang := range []string{"en", "zh-CN"} {
			t0, d0, big := shrinkIndex(t, filepath.Join(dir, "search", lang), 240, 4, delta)
			smaller += t0 + d0
			t.Logf("%s index re-encoded (doc numbers as gaps: %v): terms %s, documents %s, largest shard %s", lang, delta, mb(t0), mb(d0), kbs(big))
		}
		t.Logf("re-encoded index/HTML = %.1f%%", 100*float64(smaller)/float64(htmlBytes))
	}
	slices.Sort(shardSizes)
	if len(shardSizes) > 0 {
		t.Logf("term shards: %d, median %s, largest %s", len(shardSizes), kbs(shardSizes[len(shardSizes)/2]), kbs(shardSizes[len(shardSizes)-1]))
	}

	root := browsertest.SiteRoot(dir)
	queries := []struct {
		page, q string
		oneWord bool
	}{
		{"en/index.html", "platinum", true},
		{"en/index.html", "loyalty", true},
		{"en/index.html", "customer value", false},
		{"zh-CN/index.html", "白金", true},
		{"zh-CN/index.html", "客户价值", false},
	}
	// Four kinds of cold query, each in a fresh browser with nothing of the index loaded but
	// what the page loads by itself. On the home page, the heaviest page of the course (5,000
	// lessons listed, 0.5 MB of HTML: every key press costs the browser a layout of it): "/"
	// pressed and the query typed the moment the page has loaded ("at load", no person is
	// that quick), the same after the page has been open a second ("read": the page has
	// loaded the index description by then), and typed after a pause a person takes anyway
	// once the box has the focus ("focused"). On a lesson page, where learners search:
	// "lesson", as "read".
	scenarios := []struct {
		name        string
		open, pause time.Duration
		lesson      bool
	}{
		{"at load", 0, 0, false},
		{"read", time.Second, 0, false},
		{"focused", time.Second, 300 * time.Millisecond, false},
		{"lesson", time.Second, 0, true},
	}
	cold := make([][]float64, len(scenarios))
	var warm []float64
	var firstBytes []int64
	for _, q := range queries[:benchQueries(len(queries))] {
		for i, sc := range scenarios {
			for run := 0; run < 3; run++ {
				page := q.page
				if sc.lesson {
					page = strings.Replace(page, "index.html", "day-01-topic/lesson-1.html", 1)
				}
				r, w := benchRun(t, dir, root, page, q.q, sc.name, sc.open, sc.pause)
				cold[i] = append(cold[i], r.ms)
				if i == 0 && q.oneWord {
					firstBytes = append(firstBytes, r.bytes)
				}
				for _, x := range w {
					warm = append(warm, x.ms)
				}
			}
		}
	}
	for i, sc := range scenarios {
		t.Logf("cold, %s: median %.1f ms, max %.1f ms, %d of %d under 100 ms (target < 100 ms)", sc.name, median(cold[i]), slices.Max(cold[i]),
			len(slices.DeleteFunc(slices.Clone(cold[i]), func(x float64) bool { return x >= 100 })), len(cold[i]))
	}
	t.Logf("warm: median %.1f ms, max %.1f ms (target < 10 ms)", median(warm), slices.Max(warm))
	t.Logf("first one-word query bytes: max %s (target < 300 KB)", kbs(slices.Max(firstBytes)))
	t.Logf("index/HTML: %.1f%% (target < 40%%)", 100*float64(indexBytes)/float64(htmlBytes))

	// The vocabulary files docs/search.md proposes, made here as the build would: what
	// completing the word being typed costs on a large site.
	for _, lang := range []string{"en", "zh-CN"} {
		n, size := writeVocabulary(t, dir, lang, 16<<10)
		t.Logf("%s vocabulary: %d files, %s", lang, n, kbs(size))
	}
	for _, q := range []string{"custo", "loyal", "platinum", "lesson 12"} {
		for run := 0; run < 3; run++ {
			benchRun(t, dir, root, "en/index.html", q, "focused", time.Second, 300*time.Millisecond)
		}
	}
}

// shrinkIndex returns the sizes the term and document files of an index folder would have
// with at most runes characters of text per document and maxPos positions per posting (none
// for a single CJK character), with the document numbers of postings written as gaps from
// the previous one when delta, and the size of the largest term file.
func shrinkIndex(t *testing.T, folder string, runes, maxPos int, delta bool) (terms, docs, largest int64) {
	t.Helper()
	ents, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(folder, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(string(data), "Playbook.searchLoad("), ");\n")), &v); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		switch v["kind"] {
		case "docs":
			for _, row := range v["docs"].([]any) {
				r := row.([]any)
				if text := []rune(r[5].(string)); len(text) > runes {
					r[5] = string(text[:runes]) + "…"
				}
			}
		case "terms":
			for term, flat := range v["terms"].(map[string]any) {
				f := flat.([]any)
				keep := maxPos
				if r := []rune(term); len(r) == 1 && len(tokenize.Text(string([]rune{r[0], r[0]}))) == 3 {
					keep = 0
				}
				out := []any{f[0]}
				prev := 0.0
				for i := 1; i+2 < len(f); {
					np := int(f[i+2].(float64))
					k := min(np, keep)
					doc := f[i].(float64)
					if delta {
						out = append(out, doc-prev, f[i+1], k)
					} else {
						out = append(out, doc, f[i+1], k)
					}
					prev = doc
					out = append(out, f[i+3:i+3+k]...)
					i += 3 + np
				}
				v["terms"].(map[string]any)[term] = out
			}
		}
		enc, _ := json.Marshal(v)
		n := int64(len(enc)) + int64(len("Playbook.searchLoad();\n"))
		switch v["kind"] {
		case "terms":
			terms += n
			largest = max(largest, n)
		default:
			docs += n
		}
	}
	return terms, docs, largest
}

// benchRun opens page in a fresh browser, waits open, focuses the box, waits pause and types
// query at once (cold), then five times more after emptying the box (warm), and logs the
// figures under the name when.
func benchRun(t *testing.T, dir, root, page, query, when string, open, pause time.Duration) (benchQuery, []benchQuery) {
	var r benchQuery
	var w []benchQuery
	t.Run(fmt.Sprintf("%s-%s", query, when), func(t *testing.T) {
		ctx := browsertest.Browser(t) // a fresh browser: nothing loaded, nothing cached
		b := &tab{t: t, ctx: ctx, base: root, langs: []string{"en", "zh-CN"}, def: "en",
			reqs: browsertest.RecordRequests(t, ctx), probs: browsertest.CollectProblems(t, ctx)}
		b.open(page)
		time.Sleep(open)
		b.reqs.Reset()
		b.slash()
		time.Sleep(pause)
		r = b.measure(dir, root, query)
		for i := 0; i < 5; i++ {
			b.run(`document.querySelector("#pb-search").value = ""; document.querySelector("#pb-search").dispatchEvent(new Event("input"))`)
			b.waitFor(`Playbook.search.boxes[0].shown === ""`, "the box to empty")
			time.Sleep(100 * time.Millisecond)
			w = append(w, b.measure(dir, root, query))
		}
		for _, u := range b.reqs.Outside(root) {
			t.Errorf("requested %s outside the site", u)
		}
		b.probs.Check(t, "benchmark")
	})
	ws, wp := make([]float64, len(w)), make([]float64, len(w))
	for i, x := range w {
		ws[i], wp[i] = x.ms, x.paint
	}
	last := w[len(w)-1]
	t.Logf("%-12q %-8s: cold %6.1f ms (painted %6.1f; rank %.1f, rows %.1f, render %.1f), %s in %d files [%s]; warm %v ms (painted %v; last: rank %.1f, rows %.1f, render %.1f)",
		query, when, r.ms, r.paint, r.rank, r.rows, r.render, kbs(r.bytes), r.files, r.phases, roundAll(ws), roundAll(wp), last.rank, last.rows, last.render)
	return r, w
}

// measure types query into the focused box at once and returns the time from the input
// event to the results in the popup (and to the next frame), with the index bytes loaded.
func (b *tab) measure(dir, root, query string) benchQuery {
	b.t.Helper()
	b.reqs.Reset()
	n := int(b.num(`Playbook.search.timings.length`))
	b.insertText(query)
	b.waitFor(fmt.Sprintf(`Playbook.search.timings.length > %d && Playbook.search.boxes[0].shown === %s`, n, jsString(query)), "the results of "+query)
	last := browsertest.Eval[map[string]float64](b.t, b.ctx, `(({ ms, rank, rows, render }) => ({ ms, rank, rows, render }))(Playbook.search.timings.at(-1))`)
	ms := last["ms"]
	paint := awaitJS[float64](b, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now() - Playbook.search.timings.at(-1).at))))`)
	var bytes int64
	files := 0
	for _, u := range b.reqs.URLs() {
		if rel, ok := strings.CutPrefix(u, root); ok && strings.HasPrefix(rel, "search/") {
			info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
			if err == nil {
				bytes += info.Size()
				files++
			}
		}
	}
	// When each index file the query waited for had loaded, from the key press.
	phases := b.str(`(() => { const at = Playbook.search.timings.at(-1).at;
		return Playbook.search.loads.filter(l => l[2] > at).map(l => l[0].replace(/.*\//, "").replace(/\.js$/, "") + " " + Math.round(l[1] - at) + "-" + Math.round(l[2] - at)).join(", "); })()`)
	return benchQuery{ms: ms, paint: paint, bytes: bytes, files: files, phases: phases, rank: last["rank"], rows: last["rows"], render: last["render"]}
}

func baseName(rel string) string { return rel[strings.LastIndex(rel, "/")+1:] }

func mb(n int64) string  { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
func kbs(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	return s[len(s)/2]
}

func roundAll(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = math.Round(x*10) / 10
	}
	return out
}

// TestSearchFiltersCountEveryMatch checks that the results page's filters count and filter
// every match, not only the first batch it has loaded: a word in nearly every document of
// the bundled course has more matches than one batch.
func TestSearchFiltersCountEveryMatch(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	b.open("en/search.html?q=the")
	b.waitFor(`document.querySelectorAll(".search-page-results .search-result").length > 0`, "results for the")
	total := int(b.num(`Number((document.querySelector(".search-page-status").textContent.match(/([\d,]+) results/) || [0, "0"])[1].replace(/,/g, ""))`))
	loaded := len(b.hits(".search-page-results .search-result"))
	if total <= loaded {
		t.Fatalf("the query should have more matches (%d) than the first batch (%d); pick a more common word", total, loaded)
	}
	counts := map[string]int{}
	for _, label := range b.texts(".search-filters fieldset:first-child label") {
		m := regexp.MustCompile(`^(.*) \(([\d,]+)\)$`).FindStringSubmatch(label)
		if m == nil {
			t.Fatalf("type filter label %q", label)
		}
		n, _ := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
		counts[m[1]] = n
	}
	sum := 0
	for k, n := range counts {
		if k != "All" {
			sum += n
		}
	}
	if counts["All"] != total || sum != total {
		t.Errorf("the type filters count %v (sum %d), want every one of the %d matches", counts, sum, total)
	}
	quizzes := counts["Quiz"]
	if quizzes == 0 {
		t.Fatal("want quiz matches to check the filter")
	}
	b.click(`.search-filters input[value="quiz"]`)
	b.waitFor(`Array.from(document.querySelectorAll(".search-page-results .search-result-type")).every(e => e.textContent === "Quiz")`, "only quizzes listed")
	hits := b.listed()
	if hits != quizzes {
		t.Errorf("filtered to quizzes, the page lists %d results, want all %d quiz matches", hits, quizzes)
	}
}

// benchQueries returns how many of the n benchmark queries to run: all of them, or the
// number in PLAYBOOK_SEARCH_BENCH_QUERIES (for a quicker look while tuning).
func benchQueries(n int) int {
	if k, err := strconv.Atoi(os.Getenv("PLAYBOOK_SEARCH_BENCH_QUERIES")); err == nil && k > 0 && k < n {
		return k
	}
	return n
}
