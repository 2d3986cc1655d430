// Package teamview words the team roll-up (package team) for the class report: its
// sections of the report page (HTML, with their stylesheet) and the rows of its two CSV
// files. Every text from the files and the course is escaped by html/template, or guarded
// against spreadsheet formulas.
package teamview

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"playbook/site/checklist"
	"playbook/site/report/collect"
	"playbook/site/report/team"
	"playbook/site/theme"
)

//go:embed team.html
var sectionsTemplate string

//go:embed team.css
var style string

var sections = template.Must(template.New("team").Funcs(template.FuncMap{
	"day":    day,
	"signed": signed,
}).Parse(sectionsTemplate))

// Style is the stylesheet of the roll-up's sections, for the report page to include in its
// own (the page allows only its one inline stylesheet).
func Style() string { return style }

// HTML renders the roll-up t for the report page in lang, with the theme's interface
// strings: sections has one section per checklist, files the section listing every checklist
// export and what was done with it. Both are empty when no checklist export was given. Every
// text from the files and the course is escaped by html/template.
func HTML(t *team.Team, lang string, th *theme.Theme) (sectionsHTML, filesHTML template.HTML, err error) {
	if len(t.Files) == 0 {
		return "", "", nil
	}
	v := htmlView{Team: t, lang: lang, theme: th, texts: newTexts(lang)}
	var a, b bytes.Buffer
	if err := sections.ExecuteTemplate(&a, "sections", v); err != nil {
		return "", "", err
	}
	if err := sections.ExecuteTemplate(&b, "files", v); err != nil {
		return "", "", err
	}
	return template.HTML(a.String()), template.HTML(b.String()), nil
}

// htmlView is the roll-up with what its template needs to word it.
type htmlView struct {
	*team.Team
	lang  string
	theme *theme.Theme
	texts *texts
}

// T returns an interface string in the report's language.
func (v htmlView) T(key string) string { return v.theme.String(v.lang, key) }

// Tf formats an interface string in the report's language.
func (v htmlView) Tf(key string, args ...any) string { return fmt.Sprintf(v.T(key), args...) }

// Title is a checklist's title in the report's language.
func (v htmlView) Title(c *team.Checklist) string { return c.Checklist.Title.Get(v.lang) }

// ItemText is an item's text as plain text.
func (v htmlView) ItemText(c *team.Checklist, it *checklist.Item) string {
	return v.texts.plain(c.Checklist, it.Text)
}

// SectionTitle is a section's title, "" for an untitled one.
func (v htmlView) SectionTitle(s *checklist.Section) string { return v.texts.section(s) }

// LevelLabel is a level's label; "Unanswered" for none.
func (v htmlView) LevelLabel(l *checklist.Level) string {
	if l == nil {
		return v.T("report_team_unanswered")
	}
	return l.Label.Get(v.lang)
}

// BandLabel is a band's label; "No score" for none.
func (v htmlView) BandLabel(b *checklist.Band) string {
	if b == nil {
		return v.T("report_team_no_score")
	}
	return b.Label.Get(v.lang)
}

// Pct formats a percentage: "58.3%".
func (v htmlView) Pct(x float64) string { return num(x) + "%" }

// Score formats a copy's score: "76%", or "–" when nothing was scored.
func (v htmlView) Score(c *team.Copy) string {
	if !c.Scored() {
		return "–"
	}
	return fmt.Sprintf("%d%%", c.Result.Percent)
}

// Points formats a copy's points: "32 / 42".
func (v htmlView) Points(c *team.Copy) string {
	return num(c.Result.Earned) + " / " + num(c.Result.Max)
}

// Mean formats a checklist's mean score, or "–".
func (v htmlView) Mean(c *team.Checklist) string {
	m, ok := c.Mean()
	if !ok {
		return "–"
	}
	return v.Pct(m)
}

// Date formats a copy's date, or says it has none.
func (v htmlView) Date(c *team.Copy) string {
	if c.Date.IsZero() {
		return v.T("report_team_no_date")
	}
	return day(c.Date)
}

// Intro counts a checklist's reps and copies and says when the copies are from: "12 reps,
// 17 copies, dated 2026-08-28 to 2026-11-25."
func (v htmlView) Intro(c *team.Checklist) string {
	first, last := c.Span()
	switch {
	case first.IsZero():
		return v.Tf("report_team_counts", len(c.Reps), c.Copies())
	case day(first) == day(last):
		return v.Tf("report_team_dated", len(c.Reps), c.Copies(), day(first))
	}
	return v.Tf("report_team_span", len(c.Reps), c.Copies(), day(first), day(last))
}

// LevelClass is the class that colours a level in the bars: the best level, a level of no
// points, one between, N/A; "blank" for unanswered.
func (v htmlView) LevelClass(c *team.Checklist, l *checklist.Level) string {
	switch {
	case l == nil:
		return "lv-blank"
	case l.NotApplicable:
		return "lv-na"
	case l.Points >= c.Checklist.MaxLevelPoints():
		return "lv-top"
	case l.Points <= 0:
		return "lv-zero"
	}
	return "lv-mid"
}

// MoveClass is the class of a move's direction.
func (v htmlView) MoveClass(m team.Move) string {
	return [...]string{"other", "up", "down"}[m.Direction()]
}

// Bar is one segment of an item's bar: where it starts and how wide it is, in percent.
type Bar struct {
	Class    string
	X, Width float64
}

// Bars are the segments of an item's bar: one per level with answers, then unanswered.
func (v htmlView) Bars(c *team.Checklist, t *team.ItemTally) []Bar {
	var out []Bar
	x := 0.0
	add := func(class string, n int) {
		if n == 0 {
			return
		}
		w := t.Share(n)
		out = append(out, Bar{Class: class, X: x, Width: w})
		x += w
	}
	for i, l := range c.Checklist.Scale {
		add(v.LevelClass(c, l), t.Counts[i])
	}
	add("lv-blank", t.Unanswered)
	return out
}

// Sectioned reports whether the checklist's sections have titles, so the item table groups
// its rows under them.
func (v htmlView) Sectioned(c *team.Checklist) bool {
	for _, s := range c.Checklist.Sections {
		if !s.Title.IsZero() {
			return true
		}
	}
	return false
}

// FirstOfSection reports whether the tally is of the first item of its section.
func (v htmlView) FirstOfSection(t *team.ItemTally) bool {
	return t.Section != nil && len(t.Section.Items) > 0 && t.Section.Items[0] == t.Item
}

// Moved lists the reps' changes since their previous copy that moved any item.
func (v htmlView) Moved(c *team.Checklist) []*team.Rep {
	var out []*team.Rep
	for _, r := range c.Reps {
		if ch := r.Latest().Change; ch != nil && len(ch.Moved) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// Columns is the number of columns of a checklist's item table.
func (v htmlView) Columns(c *team.Checklist) int {
	n := len(c.Checklist.Scale) + 4
	if v.Moved(c) != nil {
		n++
	}
	return n
}

// Moves are the moves of a change in direction d.
func (v htmlView) Moves(ch *team.Change, d team.Direction) []team.Move {
	var out []team.Move
	for _, m := range ch.Moved {
		if m.Direction() == d {
			out = append(out, m)
		}
	}
	return out
}

// KindText words why a file was skipped.
func (v htmlView) KindText(k collect.Kind) string { return v.T(kindKey(k)) }

// kindKey is the name of a skip kind's label in the strings table.
func kindKey(k collect.Kind) string {
	switch k {
	case collect.Unreadable:
		return "report_team_kind_unreadable"
	case collect.Foreign:
		return "report_team_kind_foreign"
	case collect.Duplicate:
		return "report_team_kind_duplicate"
	}
	return "report_team_kind_malformed"
}

// UsedAs words what a file used gave: "Lee Wong · Prospect development checklist · 2026-11-25".
func (v htmlView) UsedAs(f *team.File) string {
	return v.Tf("report_team_used_as", f.Rep.Name, v.Title(f.Checklist), v.Date(f.Copy))
}

// Directions are the columns of the changes table: better, worse, other.
func (v htmlView) Directions() []team.Direction {
	return []team.Direction{team.Up, team.Down, team.Other}
}

// FromFileNames reports whether any rep of c is named after a file.
func (v htmlView) FromFileNames(c *team.Checklist) bool {
	for _, r := range c.Reps {
		if r.FromFileName {
			return true
		}
	}
	return false
}
