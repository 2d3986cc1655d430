package team

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"playbook/site/checklist"
	"playbook/site/diag"
	"playbook/site/report/checklistcopy"
	"playbook/site/report/collect"
)

// Split separates the checklist exports among the report's inputs from the rest (progress
// files, and files that are neither): a .csv file, or a .json file that names itself a
// checklist export (its "format" is "playbook-checklist", even when the rest of the file is
// broken). An input that repeats an earlier one goes where the earlier one went.
func Split(inputs []collect.Input) (exports, rest []collect.Input) {
	claimed := map[string]bool{}
	for _, in := range inputs {
		var mine bool
		switch ext := strings.ToLower(filepath.Ext(in.Path)); {
		case in.SameAs != "":
			mine = claimed[in.SameAs]
		case ext == ".csv":
			mine = true
		case ext == ".json" && in.Err == nil:
			mine = checklistcopy.IsJSONExport(in.Data) || namesFormat.Match(in.Data)
		}
		claimed[in.Path] = mine
		if mine {
			exports = append(exports, in)
		} else {
			rest = append(rest, in)
		}
	}
	return exports, rest
}

// namesFormat finds the format of a checklist export in a file too broken to decode.
var namesFormat = regexp.MustCompile(`^\x{FEFF}?\s*\{\s*"format"\s*:\s*"playbook-checklist"`)

// Roll reads the checklist exports (see Split) and rolls them up, per checklist of the
// course: checklists are the course's checklists, in course order, and siteKey its site key.
// A file that cannot be used is reported and left out, never fatal: unreadable, not an
// export, of another course or of a checklist the course does not have, or a duplicate of a
// file used (the same file, the same bytes, or the same copy exported twice: the same rep,
// copy name, date and answers, as when a rep exports both CSV and JSON).
func Roll(siteKey string, checklists []*checklist.Checklist, inputs []collect.Input) *Team {
	r := &roller{team: &Team{}, siteKey: siteKey, byID: map[string]*Checklist{}, hashes: map[[32]byte]string{}, copies: map[string]string{}}
	for _, c := range checklists {
		r.order = append(r.order, c.ID)
		r.byID[c.ID] = &Checklist{Checklist: c}
	}
	for _, in := range inputs {
		r.add(in)
	}
	for _, id := range r.order {
		c := r.byID[id]
		if len(c.Reps) > 0 {
			c.finish()
			r.team.Checklists = append(r.team.Checklists, c)
		}
	}
	return r.team
}

// roller reads the inputs one by one.
type roller struct {
	team    *Team
	siteKey string
	order   []string
	byID    map[string]*Checklist
	// hashes and copies remember the files used, by content and by copy, to find duplicates.
	hashes map[[32]byte]string
	copies map[string]string
}

// add uses one input, or records why it is left out.
func (r *roller) add(in collect.Input) {
	f := &File{Path: in.Path}
	r.team.Files = append(r.team.Files, f)
	skip := func(kind collect.Kind, line, col int, format string, args ...any) {
		f.Skipped = &collect.Problem{Pos: diag.Pos{Path: in.Path, Line: line, Col: col}, Kind: kind, Message: fmt.Sprintf(format, args...)}
		r.team.Skipped++
	}
	switch {
	case in.SameAs != "":
		skip(collect.Duplicate, 0, 0, "duplicate of %s (the same file)", in.SameAs)
		return
	case in.Err != nil:
		skip(collect.Unreadable, 0, 0, "%v", in.Err)
		return
	}
	hash := sha256.Sum256(in.Data)
	if first, ok := r.hashes[hash]; ok {
		skip(collect.Duplicate, 0, 0, "duplicate of %s (the same content)", first)
		return
	}
	x, err := checklistcopy.Parse(in.Data)
	if err != nil {
		pe := err.(*checklistcopy.ParseError)
		skip(collect.Malformed, pe.Line, pe.Col, "%s", pe.Msg)
		return
	}
	if x.Kind == checklistcopy.JSON && x.Site != r.siteKey {
		skip(collect.Foreign, 0, 0, "not a checklist export of this course (site is %q, this course is %q)", x.Site, r.siteKey)
		return
	}
	c, ok := r.byID[x.Checklist]
	if !ok {
		skip(collect.Foreign, 0, 0, "checklist %q is not one of this course's checklists", x.Checklist)
		return
	}
	person := strings.TrimSpace(x.Fields["person"])
	date, dated := copyDate(in.Path, x)
	copyKey := copyKey(x, person, date)
	if first, ok := r.copies[copyKey]; ok {
		skip(collect.Duplicate, 0, 0, "duplicate of %s (the same copy: the same rep, copy name, date and answers)", first)
		return
	}
	r.hashes[hash] = in.Path
	r.copies[copyKey] = in.Path
	r.team.Used++

	cp := &Copy{Path: in.Path, Name: x.Name, Fields: x.Fields, Date: date, Answers: map[string]string{}}
	f.Copy, f.Checklist = cp, c
	note := func(line, col int, format string, args ...any) {
		f.Notes = append(f.Notes, collect.Problem{Pos: diag.Pos{Path: in.Path, Line: line, Col: col}, Kind: collect.Removed, Message: fmt.Sprintf(format, args...)})
	}
	current := c.Checklist.Version()
	if x.ChecklistVersion != "" && x.ChecklistVersion != current {
		note(0, 0, "exported from another version of the checklist (version %q, now %q); its answers are scored against the checklist as it is now", x.ChecklistVersion, current)
	}
	items := map[string]bool{}
	for _, it := range c.Checklist.Items() {
		items[it.ID] = true
	}
	for _, a := range x.Answers {
		switch {
		case !items[a.Item]:
			note(a.Line, a.Col, "the answer to %q is ignored: the checklist has no such item (any more)", a.Item)
		case c.Checklist.Level(a.Level) == nil:
			note(a.Line, a.Col, "the answer %q to %q is ignored: the checklist has no such answer (any more)", a.Level, a.Item)
		default:
			cp.Answers[a.Item] = a.Level
		}
	}
	cp.Result = checklist.Score(c.Checklist, cp.Answers)
	if s := x.Score; s != nil && x.ChecklistVersion == current && !sameScore(s, cp.Result) {
		note(0, 0, "the file's score (%s) is not what its answers give (%s); the answers count", describeScore(s.Percent, s.Band), describeResult(cp.Result))
	}
	if !dated {
		note(0, 0, "the copy has no date (no export time, no date at the end of the file name, no date in the form); it counts as the rep's earliest copy")
	}
	f.Rep = r.addCopy(c, cp, person)
}

// addCopy gives cp to its rep: the person named in the form, or, when the form names
// nobody, a rep of its own named after the file.
func (r *roller) addCopy(c *Checklist, cp *Copy, person string) *Rep {
	key, name, fromFile := collect.LearnerKey(person), person, false
	if key == "" {
		name = strings.TrimSuffix(filepath.Base(cp.Path), filepath.Ext(cp.Path))
		key, fromFile = "\x00"+cp.Path, true
	}
	for _, rep := range c.Reps {
		if rep.key == key {
			rep.Copies = append(rep.Copies, cp)
			return rep
		}
	}
	rep := &Rep{Name: name, FromFileName: fromFile, Copies: []*Copy{cp}, key: key}
	c.Reps = append(c.Reps, rep)
	return rep
}

// fileDate finds the date the page puts at the end of an export's name:
// prospect-development-Lee-2026-11-25.csv.
var fileDate = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})\.[A-Za-z]+$`)

// copyDate is the date that orders a copy among the rep's: the time of export (JSON), the
// date of export in the file name, or the date typed in the form.
func copyDate(path string, x *checklistcopy.Copy) (time.Time, bool) {
	if !x.Exported.IsZero() {
		return x.Exported, true
	}
	if m := fileDate.FindStringSubmatch(filepath.Base(path)); m != nil {
		if t, err := time.Parse(time.DateOnly, m[1]); err == nil {
			return t, true
		}
	}
	if t, err := time.Parse(time.DateOnly, strings.TrimSpace(x.Fields["date"])); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// copyKey says which files hold the same copy: the checklist, the person, the copy's name,
// the day and the answers. Exports of one copy as CSV and as JSON on the same day agree.
func copyKey(x *checklistcopy.Copy, person string, date time.Time) string {
	answers := make([]string, 0, len(x.Answers))
	for _, a := range x.Answers {
		answers = append(answers, a.Item+"="+a.Level)
	}
	sort.Strings(answers)
	day := ""
	if !date.IsZero() {
		day = date.UTC().Format(time.DateOnly)
	}
	return strings.Join([]string{x.Checklist, collect.LearnerKey(person), x.Name, day, strings.Join(answers, "\x01")}, "\x00")
}

func sameScore(s *checklistcopy.Score, r checklist.Result) bool {
	if r.Band == nil {
		return s.Percent == nil && s.Band == ""
	}
	return s.Percent != nil && *s.Percent == float64(r.Percent) && s.Band == r.Band.ID
}

func describeScore(percent *float64, band string) string {
	if percent == nil {
		return "no score"
	}
	if band == "" {
		band = "no band"
	}
	return fmt.Sprintf("%g%%, %s", *percent, band)
}

func describeResult(r checklist.Result) string {
	if r.Band == nil {
		return describeScore(nil, "")
	}
	p := float64(r.Percent)
	return describeScore(&p, r.Band.ID)
}

// finish sorts the reps and their copies, marks the latest copies, finds what moved between
// a rep's copies and tallies the latest copies.
func (c *Checklist) finish() {
	sort.SliceStable(c.Reps, func(i, j int) bool {
		a, b := c.Reps[i], c.Reps[j]
		ka, kb := collect.LearnerKey(a.Name), collect.LearnerKey(b.Name)
		if ka != kb {
			return ka < kb
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Copies[0].Path < b.Copies[0].Path
	})
	items := c.Checklist.Items()
	sections := map[*checklist.Item]*checklist.Section{}
	for _, s := range c.Checklist.Sections {
		for _, it := range s.Items {
			sections[it] = s
		}
	}
	for i, it := range items {
		c.Items = append(c.Items, &ItemTally{Item: it, Number: i + 1, Section: sections[it], Counts: make([]int, len(c.Checklist.Scale))})
	}
	for _, b := range c.Checklist.Bands {
		c.Bands = append(c.Bands, &BandTally{Band: b})
	}
	for _, rep := range c.Reps {
		// Copies without a date come first; the rest by date; ties in the order given.
		sort.SliceStable(rep.Copies, func(i, j int) bool { return rep.Copies[i].Date.Before(rep.Copies[j].Date) })
		for i := 1; i < len(rep.Copies); i++ {
			rep.Copies[i].Change = c.change(rep.Copies[i-1], rep.Copies[i])
		}
		latest := rep.Latest()
		if latest.Change != nil {
			for _, m := range latest.Change.Moved {
				switch m.Direction() {
				case Up:
					c.Items[m.Number-1].Up++
				case Down:
					c.Items[m.Number-1].Down++
				}
			}
		}
		latest.Latest = true
		rep.Team = strings.TrimSpace(latest.Fields["team"])
		if !rep.FromFileName {
			rep.Name = strings.TrimSpace(latest.Fields["person"])
		}
		c.tally(latest)
	}
}

// change lists the items whose answer differs between prev and cur.
func (c *Checklist) change(prev, cur *Copy) *Change {
	ch := &Change{Previous: prev, Current: cur}
	for i, it := range c.Checklist.Items() {
		from, to := prev.Answers[it.ID], cur.Answers[it.ID]
		if from != to {
			ch.Moved = append(ch.Moved, Move{Item: it, Number: i + 1, From: c.Checklist.Level(from), To: c.Checklist.Level(to)})
		}
	}
	return ch
}

// tally counts a rep's latest copy in the items' answers and the bands.
func (c *Checklist) tally(latest *Copy) {
	for _, t := range c.Items {
		level := latest.Answers[t.Item.ID]
		i := -1
		for j, l := range c.Checklist.Scale {
			if l.ID == level {
				i = j
			}
		}
		if i < 0 {
			t.Unanswered++
		} else {
			t.Counts[i]++
		}
	}
	if latest.Result.Band == nil {
		c.Unscored++
		return
	}
	for _, b := range c.Bands {
		if b.Band == latest.Result.Band {
			b.Reps++
		}
	}
}
