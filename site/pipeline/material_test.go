package pipeline

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/strictyaml"
)

// A deck of flashcards is a toy kind of material, defined here and nowhere else: the test
// shows that a new kind needs one type, one Kind and one registration, and that the
// pipeline then gives it a page, search documents, a place on its day's page, in the
// schedule's list of exercises and in the day's handout packs, and a manifest entry.
type deck struct {
	path  string
	id    string
	day   int
	title strictyaml.Text
	cards []deckCardData
}

type deckCardData struct {
	Front string `yaml:"front"`
	Back  string `yaml:"back"`
}

// deckView is what the deck's template shows.
type deckView struct {
	Title   string
	Cards   []deckCardData
	Trainer bool
}

func (v *deckView) Search() []material.Section {
	var out []material.Section
	for i, c := range v.Cards {
		out = append(out, material.Section{Anchor: "card-" + string(rune('1'+i)), Heading: c.Front, Text: c.Back})
	}
	return out
}

var deckKind = &material.Kind{
	Name: "deck", Dir: "decks",
	Template: `{{define "main"}}<article class="deck">{{template "deck-cards" .}}</article>{{end}}` +
		`{{define "deck-pack"}}<section class="deck-print">{{template "deck-cards" .}}</section>{{end}}` +
		`{{define "deck-cards"}}<h1>{{.View.Title}}</h1>{{range $i, $c := .View.Cards}}<dl id="card-{{add $i 1}}"><dt>{{$c.Front}}</dt>{{if $.View.Trainer}}<dd>{{$c.Back}}</dd>{{end}}</dl>{{end}}{{end}}`,
}

// parseDeck reads a deck file with the project's strict YAML reader.
func parseDeck(path string, src []byte, langs []string, diags *diag.List) material.Material {
	dec := &strictyaml.Decoder{Path: path, Diags: diags}
	f := dec.Mapping(dec.Parse(src), "a deck", "id", "day", "title", "cards")
	d := &deck{path: path}
	d.id, _ = dec.String(f, "id")
	d.day, _ = dec.Int(f, "day", 1, 99)
	d.title, _ = dec.Localized(f, "title", langs)
	if cards, ok := f["cards"]; ok {
		if err := cards.Value.Decode(&d.cards); err != nil {
			dec.Errorf(cards.Value, "cards: %v", err)
		}
	}
	return d
}

func (d *deck) Meta() material.Meta {
	return material.Meta{Kind: deckKind, ID: d.id, Day: d.day, Title: d.title, Path: d.path}
}

func (d *deck) View(c material.Context) material.View {
	return &deckView{Title: d.title.Get(c.Lang), Cards: d.cards, Trainer: c.Trainer && c.Pack}
}

func TestANewKindOfMaterial(t *testing.T) {
	kinds, err := material.NewRegistry(append(course.DefaultKinds().Registrations(), material.Registration{Kind: deckKind, Parse: parseDeck})...)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"playbook.yaml":                 {Data: []byte("title: T\nlanguages: [en]\n")},
		"content/en/day-01-a/_index.md": {Data: []byte("---\ntitle: Day A\n---\n")},
		"content/en/day-01-a/01-one.md": {Data: []byte("---\ntitle: One\nduration: 30\n---\n## Start {minutes=30}\n")},
		"decks/objections.yaml": {Data: []byte("id: objections\nday: 1\ntitle: Objections <b>deck</b>\ncards:\n" +
			"  - {front: Too expensive, back: Ask what the price is compared with}\n  - {front: No time, back: Offer a ten-minute call}\n")},
	}
	res := Build(fsys, Options{Edition: Trainer, Kinds: kinds})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	page := get(t, res, "en/decks/objections.html")
	for _, want := range []string{`<article class="deck"><h1>Objections &lt;b&gt;deck&lt;/b&gt;</h1>`, `<dt>Too expensive</dt>`, `class="page-deck edition-trainer"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the deck's page lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "Offer a ten-minute call") {
		t.Error("the deck's page shows the backs, which its view keeps for the trainer's pack")
	}
	day := get(t, res, "en/day-01-a/index.html")
	if !strings.Contains(day, `<h2 id="pb-decks">decks</h2>`) || !strings.Contains(day, `<ul class="deck-links">`) || !strings.Contains(day, `href="../decks/objections.html"`) {
		t.Errorf("the day page does not list the deck:\n%s", day)
	}
	if home := get(t, res, "en/index.html"); !strings.Contains(home, `<p class="day-deck"><a href="decks/objections.html">`) {
		t.Errorf("the home page does not list the deck under its day:\n%s", home)
	}
	if schedule := get(t, res, "en/schedule.html"); !strings.Contains(schedule, `decks/objections.html`) {
		t.Errorf("the schedule does not list the deck among the day's exercises:\n%s", schedule)
	}
	if pack := get(t, res, "en/packs/day-01.html"); !strings.Contains(pack, `<section class="pack-item"><section class="deck-print"><h1>Objections`) || strings.Contains(pack, "Offer a ten-minute call") {
		t.Errorf("the participants' pack does not print the deck, fronts only:\n%s", pack)
	}
	if pack := get(t, res, "en/packs/day-01-trainer.html"); !strings.Contains(pack, "<dd>Offer a ten-minute call</dd>") {
		t.Errorf("the trainer's pack does not print the deck with its backs:\n%s", pack)
	}
	var docs string
	for _, p := range res.Site.Paths() {
		if strings.HasPrefix(p, "search/en/d-") {
			data, _ := res.Site.Get(p)
			docs += string(data)
		}
	}
	if !strings.Contains(docs, `["en/decks/objections.html#card-1","Objections <b>deck</b>","Too expensive","deck",1,`) {
		t.Errorf("the search documents lack the deck's first card:\n%s", docs)
	}
	found := false
	for _, e := range res.Manifest.Pages {
		if e.Kind == "deck" && e.Path == "en/decks/objections.html" && e.Day == 1 && e.Source == "decks/objections.yaml" && e.Order > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("the manifest has no entry for the deck: %+v", res.Manifest.Pages)
	}
	// The course names the kind's folder among its inputs, so the live preview watches it.
	if in := course.InputsOf(kinds); !strings.Contains(strings.Join(in.Dirs, " "), "decks") {
		t.Errorf("inputs %v lack decks/", in.Dirs)
	}
}

func get(t *testing.T, res *Result, p string) string {
	t.Helper()
	data, ok := res.Site.Get(p)
	if !ok {
		t.Fatalf("the site has no %s", p)
	}
	return string(data)
}

// TestManifest checks the manifest of the test course against what the site holds: every
// entry is a page written, packs are found by edition, and reading order runs without gaps.
func TestManifest(t *testing.T) {
	for _, ed := range []Edition{Learner, Trainer} {
		res := Build(os.DirFS(testCourse), Options{Edition: ed})
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		m := res.Manifest
		html := 0
		for _, p := range res.Site.Paths() {
			if strings.HasSuffix(p, ".html") {
				html++
			}
		}
		if len(m.Pages) != html {
			t.Errorf("%s: the manifest lists %d pages, the site has %d HTML files", ed, len(m.Pages), html)
		}
		order := map[string]int{}
		for _, e := range m.Pages {
			if _, ok := res.Site.Get(e.Path); !ok {
				t.Errorf("%s: the manifest lists %s, which the site lacks", ed, e.Path)
			}
			if e.Order > 0 {
				order[e.Lang]++
				if e.Order != order[e.Lang] {
					t.Errorf("%s: %s is number %d in reading order, want %d", ed, e.Path, e.Order, order[e.Lang])
				}
			}
		}
		var packs []string
		for _, e := range m.Packs(false) {
			packs = append(packs, fmt.Sprintf("%s/%d", e.Lang, e.Day))
		}
		if got := strings.Join(packs, " "); got != "en/1 en/2 zh-CN/1" {
			t.Errorf("%s: participants' packs %s", ed, got)
		}
		trainerPacks := len(m.Packs(true))
		if want := map[Edition]int{Learner: 0, Trainer: 3}[ed]; trainerPacks != want {
			t.Errorf("%s: %d trainer's packs, want %d", ed, trainerPacks, want)
		}
	}
}

// TestMaterialSearchTextComesFromTheModel checks that a quiz's search documents hold the
// words of its Markdown, not of its HTML: a line break is a space (not a glued word or a
// newline in the snippet), emphasis leaves no trace, and an exam's learner page carries no
// explanation to find.
func TestMaterialSearchTextComesFromTheModel(t *testing.T) {
	fsys := courseFS(map[string]string{
		"quizzes/q.yaml": "id: q\ntitle: Q\nday: 1\nmode: exam\nquestions:\n" +
			"  - id: hop\n    type: single\n    prompt: |-\n      Name a customer who is a\n      “short hop” for *you*.\n" +
			"    options: [\"A **near** one\", Far]\n    answer: a\n    explanation: |-\n      Secret\n      reasons.\n    source: day-01-a/01-one.md\n",
	})
	for _, ed := range []Edition{Learner, Trainer} {
		res := Build(fsys, Options{Edition: ed})
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		var docs string
		for _, p := range res.Site.Paths() {
			if strings.HasPrefix(p, "search/en/d-") {
				data, _ := res.Site.Get(p)
				docs += string(data)
			}
		}
		want := `["en/quizzes/q.html#q-hop","Q","Name a customer who is a “short hop” for you.","quiz",1,"A near one Far`
		if !strings.Contains(docs, want) {
			t.Errorf("%s: the search documents lack %s:\n%s", ed, want, docs)
		}
		if secret := strings.Contains(docs, "Secret reasons."); secret != (ed == Trainer) {
			t.Errorf("%s: the explanation is searchable: %v", ed, secret)
		}
	}
}
