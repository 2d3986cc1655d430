package team

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"playbook/site/report/collect"
)

func TestSplit(t *testing.T) {
	inputs := exportInputs(t)
	inputs = append(inputs, collect.Input{Path: "again.csv", SameAs: inputs[1].Path}, collect.Input{Path: "gone.json", Err: os.ErrNotExist},
		collect.Input{Path: "bom-cut.json", Data: []byte("\ufeff{\n  \"format\": \"playbook-checklist\",\n  \"version\": ")},
		collect.Input{Path: "other-cut.json", Data: []byte("{\"format\": \"playbook-progress\", ")})
	exports, rest := Split(inputs)
	var names []string
	for _, in := range rest {
		names = append(names, filepath.Base(in.Path))
	}
	// The progress file, an unreadable .json file and a broken progress file are the
	// report's; the broken exports, every CSV file and the repeated CSV file are the roll-up's.
	if want := []string{"progress-lee-wong.json", "gone.json", "other-cut.json"}; !slices.Equal(names, want) {
		t.Errorf("left to the report: %v, want %v", names, want)
	}
	if len(exports) != len(inputs)-3 || filepath.Base(exports[0].Path) != "broken.json" || exports[len(exports)-1].Path != "bom-cut.json" {
		t.Errorf("%d exports, first %s, last %s", len(exports), exports[0].Path, exports[len(exports)-1].Path)
	}
}

// TestProblems checks what the roll-up says about each file it cannot use or uses only in
// part, in the order of the files.
func TestProblems(t *testing.T) {
	tm := testTeam(t)
	var got []string
	for _, p := range tm.Problems() {
		got = append(got, strings.TrimPrefix(p.String(), "testdata/exports/"))
	}
	want := []string{
		`broken.json:34:19: skipped: not JSON: unexpected end of JSON input`,
		`gita.csv: note: the copy has no date (no export time, no date at the end of the file name, no date in the form); it counts as the rep's earliest copy`,
		`lead-scoring-Lee-2026-11-25.csv: skipped: checklist "lead-scoring" is not one of this course's checklists`,
		`other-course.json: skipped: not a checklist export of this course (site is "another-course", this course is "crm-playbook")`,
		`prospect-development-Farid-2026-11-21.json: note: the file's score (95%, well-organised) is not what its answers give (57%, unstructured); the answers count`,
		`prospect-development-Hugo,-August-2026-08-28.json: note: exported from another version of the checklist (version "0ld1x", now "1p24ta0"); its answers are scored against the checklist as it is now`,
		`prospect-development-Hugo,-August-2026-08-28.json:19:19: note: the answer to "cold-calls" is ignored: the checklist has no such item (any more)`,
		`prospect-development-Hugo,-August-2026-08-28.json:20:18: note: the answer "maybe" to "sales-map" is ignored: the checklist has no such answer (any more)`,
		`prospect-development-Jon,-November-2026-11-24.json: skipped: duplicate of testdata/exports/prospect-development-Jon,-November-2026-11-24.csv (the same copy: the same rep, copy name, date and answers)`,
		`ramon-latin1.csv:2:151: skipped: the file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`,
		`scores.csv:1:1: skipped: not a checklist export: the header row lacks the columns item_id, answer_id, checklist`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	kinds := map[string]collect.Kind{"broken.json": collect.Malformed, "lead-scoring-Lee-2026-11-25.csv": collect.Foreign,
		"other-course.json": collect.Foreign, "prospect-development-Jon,-November-2026-11-24.json": collect.Duplicate,
		"ramon-latin1.csv": collect.Malformed, "scores.csv": collect.Malformed}
	for _, f := range tm.Files {
		k, skip := kinds[filepath.Base(f.Path)]
		if skip != (f.Skipped != nil) || (skip && f.Skipped.Kind != k) || skip == (f.Copy != nil) {
			t.Errorf("%s: skipped %+v, copy %v", f.Path, f.Skipped, f.Copy != nil)
		}
	}
	if tm.Used != 19 || tm.Skipped != 6 || tm.Summary() != "19 checklist exports used, 6 skipped" {
		t.Errorf("%s", tm.Summary())
	}
}

// TestReps checks each rep of the prospect development checklist: the copies counted, the
// latest score and band, and the change since the copy before.
func TestReps(t *testing.T) {
	tm := testTeam(t)
	if len(tm.Checklists) != 2 || tm.Checklists[0].Checklist.ID != "prospect-development" || tm.Checklists[1].Checklist.ID != "dealer-development" {
		t.Fatalf("checklists %v", tm.Checklists)
	}
	c := tm.Checklists[0]
	type rep struct {
		name            string
		copies          int
		date            string
		earned, max     float64
		percent         int
		band            string
		answered        int
		delta           string // "" for a first copy
		bandFrom        string // "" when the band did not change
		up, down, other int
	}
	want := []rep{
		// Her first file says " ANA LIMA ", the latest "Ana Lima".
		{"Ana Lima", 2, "2026-11-24", 32, 46, 70, "gaps-to-close", 23, "+24", "unstructured", 11, 1, 0},
		{"Bo Chen", 1, "2026-11-23", 12, 44, 27, "start-here", 23, "", "", 0, 0, 0},
		{"Dana Ruiz", 1, "2026-11-22", 39, 46, 85, "well-organised", 23, "", "", 0, 0, 0},
		{"Eve Park", 2, "2026-11-20", 44, 46, 96, "well-organised", 23, "+89", "start-here", 23, 0, 0},
		// The file claims 95%; the answers give 57%.
		{"Farid Haddad", 1, "2026-11-21", 26, 46, 57, "unstructured", 23, "", "", 0, 0, 0},
		{"Gita Rao", 1, "", 23, 46, 50, "unstructured", 23, "", "", 0, 0, 0},
		// August: an earlier version; "sales-map": "maybe" is ignored, so it moves from
		// unanswered to partly (other).
		{"Hugo Martin", 2, "2026-11-19", 5, 46, 11, "start-here", 23, "+11", "", 4, 0, 1},
		{"Ines Costa", 1, "2026-11-18", 22, 22, 100, "well-organised", 19, "", "", 0, 0, 0},
		// The CSV and the JSON of the same copy count once.
		{"Jon Berg", 1, "2026-11-24", 35, 46, 76, "gaps-to-close", 23, "", "", 0, 0, 0},
		// Three copies: September, October (CSV, dated by its file name), November.
		{"Lee Wong", 3, "2026-11-25", 32, 42, 76, "gaps-to-close", 23, "+28", "unstructured", 12, 3, 2},
		{"prospect-development-Copy-1-2026-11-20", 1, "2026-11-20", 24, 46, 52, "unstructured", 23, "", "", 0, 0, 0},
		{"陈杰", 1, "2026-11-23", 44, 46, 96, "well-organised", 23, "", "", 0, 0, 0},
	}
	var got []rep
	for _, r := range c.Reps {
		l := r.Latest()
		g := rep{name: r.Name, copies: len(r.Copies), date: day(l.Date), earned: l.Result.Earned, max: l.Result.Max,
			percent: l.Result.Percent, band: l.Result.Band.ID, answered: l.Result.Answered}
		if ch := l.Change; ch != nil {
			g.delta = signed(ch.Delta())
			if ch.BandChanged() {
				g.bandFrom = ch.Previous.Result.Band.ID
			}
			g.up, g.down, g.other = ch.Count(Up), ch.Count(Down), ch.Count(Other)
		}
		if !l.Latest || r.FromFileName != strings.HasPrefix(r.Name, "prospect-development-") {
			t.Errorf("%s: latest %v, from file name %v", r.Name, l.Latest, r.FromFileName)
		}
		got = append(got, g)
	}
	if len(got) != len(want) {
		t.Fatalf("%d reps, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("rep %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// Lee's copies in order, each compared with the one before.
	lee := c.Reps[9]
	var dates, deltas []string
	for _, cp := range lee.Copies {
		dates = append(dates, day(cp.Date))
		if cp.Change != nil {
			deltas = append(deltas, signed(cp.Change.Delta()))
		}
	}
	if strings.Join(dates, " ") != "2026-09-15 2026-10-14 2026-11-25" || strings.Join(deltas, " ") != "+20 +28" {
		t.Errorf("Lee's copies %v, changes %v", dates, deltas)
	}
	var moves []string
	for _, m := range lee.Latest().Change.Moved {
		if m.Direction() != Up {
			moves = append(moves, fmt.Sprintf("%d %s %s>%s", m.Number, m.Item.ID, levelID(m.From), levelID(m.To)))
		}
	}
	if want := "4 prospect-cards partly>no, 7 assigned-areas no>na, 15 activity-timetable partly>na, 17 every-occasion yes>partly, 20 letters-and-visits partly>no"; strings.Join(moves, ", ") != want {
		t.Errorf("Lee's moves other than up:\n%s\nwant\n%s", strings.Join(moves, ", "), want)
	}
	// Dana's file was renamed: its date is the one typed in the form.
	if d := c.Reps[2].Latest(); d.Path != "testdata/exports/dana-ruiz.csv" || day(d.Date) != "2026-11-22" {
		t.Errorf("Dana's copy %s of %v", d.Path, d.Date)
	}
}

// TestItemsAndBands checks the shares of the answers per item and the reps per band, from
// the reps' latest copies.
func TestItemsAndBands(t *testing.T) {
	c := testTeam(t).Checklists[0]
	tests := []struct {
		number                  int
		id                      string
		counts                  []int // yes, partly, no, n/a
		unanswered, up, down    int
		yesShare, unansweredPct float64
	}{
		{1, "sales-map", []int{9, 3, 0, 0}, 0, 1, 0, 75, 0},
		{2, "trading-area-profile", []int{6, 3, 2, 1}, 0, 3, 0, 50, 0},
		{4, "prospect-cards", []int{3, 5, 3, 1}, 0, 2, 1, 25, 0},
		{9, "special-training", []int{5, 4, 1, 1}, 1, 3, 0, 41.7, 8.3},
		{11, "methods-by-product", []int{3, 2, 6, 0}, 1, 1, 0, 25, 8.3},
		{23, "recommends-to-friends", []int{3, 5, 3, 1}, 0, 3, 0, 25, 0},
	}
	for _, tt := range tests {
		it := c.Items[tt.number-1]
		if it.Number != tt.number || it.Item.ID != tt.id || !slices.Equal(it.Counts, tt.counts) || it.Unanswered != tt.unanswered ||
			it.Up != tt.up || it.Down != tt.down || it.Reps() != 12 || it.Share(it.Counts[0]) != tt.yesShare || it.Share(it.Unanswered) != tt.unansweredPct {
			t.Errorf("item %d: %s %v unanswered %d, up %d down %d, yes %v%%", it.Number, it.Item.ID, it.Counts, it.Unanswered, it.Up, it.Down, it.Share(it.Counts[0]))
		}
	}
	if s := c.Items[0].Section; s == nil || s.ID != "know-the-market" {
		t.Errorf("item 1's section %+v", s)
	}
	var bands []string
	for _, b := range c.Bands {
		bands = append(bands, fmt.Sprintf("%s %d", b.Band.ID, b.Reps))
	}
	if got := strings.Join(bands, ", "); got != "well-organised 4, gaps-to-close 3, unstructured 3, start-here 2" || c.Unscored != 0 {
		t.Errorf("bands: %s; unscored %d", got, c.Unscored)
	}
	if mean, ok := c.Mean(); !ok || mean != 66.3 || c.Copies() != 17 {
		t.Errorf("mean %v %v, copies %d", mean, ok, c.Copies())
	}
	if first, last := c.Span(); day(first) != "2026-08-28" || day(last) != "2026-11-25" {
		t.Errorf("span %v %v", first, last)
	}
}

// TestScoresAgreeWithThePage checks every copy against what the page wrote into its file:
// the score of a JSON file, the points column of a CSV file. The page scores with
// checklist-core.js, the roll-up with checklist.Score.
func TestScoresAgreeWithThePage(t *testing.T) {
	tm := testTeam(t)
	edited := map[string]bool{"prospect-development-Farid-2026-11-21.json": true, "prospect-development-Hugo,-August-2026-08-28.json": true}
	n := 0
	for _, f := range tm.Files {
		if f.Copy == nil || edited[filepath.Base(f.Path)] {
			continue
		}
		data, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		r := f.Copy.Result
		if strings.HasSuffix(f.Path, ".json") {
			var page struct {
				Score struct {
					Earned, Max   float64
					Percent       int
					Band          string
					Answered      int
					NotApplicable int `json:"not_applicable"`
				}
			}
			if err := json.Unmarshal(data, &page); err != nil {
				t.Fatal(err)
			}
			s := page.Score
			if s.Earned != r.Earned || s.Max != r.Max || s.Percent != r.Percent || s.Band != r.Band.ID || s.Answered != r.Answered || s.NotApplicable != r.NotApplicable {
				t.Errorf("%s: the page says %+v, the roll-up %v/%v %d%% %s", f.Path, s, r.Earned, r.Max, r.Percent, r.Band.ID)
			}
		} else {
			rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
			rd.Comma = rune(separatorOf(data))
			rows, err := rd.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			sum := 0.0
			for _, row := range rows[1:] {
				if row[6] != "" {
					p, _ := strconv.ParseFloat(row[6], 64)
					sum += p
				}
			}
			if sum != r.Earned {
				t.Errorf("%s: the page's points add up to %v, the roll-up's to %v", f.Path, sum, r.Earned)
			}
		}
		n++
	}
	if n != 17 {
		t.Errorf("compared %d copies", n)
	}
}

func separatorOf(data []byte) byte {
	if bytes.Contains(data[:bytes.IndexByte(data, '\n')], []byte(";")) {
		return ';'
	}
	return ','
}

// TestEdgeCases rolls up copies made in memory from a real export: a copy with nothing but
// N/A, two copies of one day, the same file twice, a file that cannot be read, and a name
// that is markup (package teamview checks it is escaped).
func TestEdgeCases(t *testing.T) {
	base, err := os.ReadFile("testdata/exports/prospect-development-Jon,-November-2026-11-24.json")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(d map[string]any) []byte {
		var v map[string]any
		if err := json.Unmarshal(base, &v); err != nil {
			t.Fatal(err)
		}
		delete(v, "score") // the page's score of other answers
		for k, x := range d {
			v[k] = x
		}
		out, _ := json.Marshal(v)
		return out
	}
	fields := func(person string) map[string]string { return map[string]string{"person": person} }
	inputs := []collect.Input{
		{Path: "na-1.json", Data: edit(map[string]any{"fields": fields("Mo"), "exported": "2026-11-01T10:00:00Z", "answers": map[string]string{"sales-map": "yes"}})},
		{Path: "na-2.json", Data: edit(map[string]any{"fields": fields("mo"), "exported": "2026-11-02T10:00:00Z", "answers": map[string]string{"sales-map": "na", "prospect-cards": "na"}})},
		{Path: "same-day-a.json", Data: edit(map[string]any{"fields": fields("Pat"), "exported": "2026-11-03", "answers": map[string]string{"sales-map": "no"}})},
		{Path: "same-day-b.json", Data: edit(map[string]any{"fields": fields("Pat"), "exported": "2026-11-03", "answers": map[string]string{"sales-map": "yes"}})},
		{Path: "again.json", SameAs: "same-day-a.json"},
		{Path: "gone.csv", Err: fmt.Errorf("cannot read the file: no such file or directory")},
		{Path: "evil.json", Data: edit(map[string]any{"fields": fields("<script>alert(1)</script>"), "name": "=1+1"})},
	}
	tm := Roll(siteKey, testChecklists(t), inputs)
	c := tm.Checklists[0]
	if len(c.Reps) != 3 || c.Reps[0].Name != "<script>alert(1)</script>" || c.Reps[1].Name != "mo" || c.Reps[2].Name != "Pat" {
		t.Fatalf("reps %v", c.Reps)
	}
	mo := c.Reps[1].Latest()
	if mo.Scored() || mo.Result.Answered != 2 || mo.Result.NotApplicable != 2 || mo.Change.Comparable() || mo.Change.BandChanged() ||
		mo.Change.Count(Other) != 2 || c.Unscored != 1 {
		t.Errorf("Mo's N/A copy: %+v, change %+v", mo.Result, mo.Change)
	}
	if pat := c.Reps[2]; pat.Latest().Path != "same-day-b.json" || pat.Latest().Change.Delta() != 100 {
		t.Errorf("Pat's copies of one day: latest %s", pat.Latest().Path)
	}
	var skipped []string
	for _, p := range tm.Problems() {
		skipped = append(skipped, p.String())
	}
	if want := "again.json: skipped: duplicate of same-day-a.json (the same file)\ngone.csv: skipped: cannot read the file: no such file or directory"; strings.Join(skipped, "\n") != want {
		t.Errorf("problems:\n%s", strings.Join(skipped, "\n"))
	}
}

// TestNoExports checks that a report without checklist exports gets nothing from the roll-up.
func TestNoExports(t *testing.T) {
	tm := Roll(siteKey, testChecklists(t), nil)
	if len(tm.Files) != 0 || len(tm.Checklists) != 0 || len(tm.Problems()) != 0 || tm.Summary() != "0 checklist exports used, 0 skipped" {
		t.Errorf("%+v: %s", tm, tm.Summary())
	}
}
