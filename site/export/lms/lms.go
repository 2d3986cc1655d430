// Package lms is what every LMS package of the course shares, whatever its standard: the
// units a learner is tracked by (one per course day, from the build's manifest), the wrapper
// page that launches a unit and shows its pages in a frame, the scripts that talk to the
// LMS (one adapter per dialect: SCORM's API, cmi5's xAPI), and a deterministic zip writer.
// Packages scorm and cmi5 write their packages with it; see docs/lms.md.
package lms

import (
	"fmt"
	"slices"
	"strings"

	"playbook/site/pipeline"
	"playbook/site/pipeline/plan"
)

// Unit is one course day in one language: what an LMS tracks as one activity (a SCO).
type Unit struct {
	// ID names the unit in the package: day-01.
	ID string
	// Day is the course day.
	Day int
	// Lang is the language of its pages.
	Lang string
	// Title is the day's title.
	Title string
	// Pages are the day's reading order: the day's page, its lessons, then its materials.
	Pages []Page
	// PassMark is the mean of the pass marks of the graded pages (the unit's mastery
	// score), 0 when no page is graded.
	PassMark int
}

// Page is one page of a unit.
type Page struct {
	// Path is the page's path from the site's root.
	Path string `json:"path"`
	// Title is the page's title.
	Title string `json:"title"`
	// Required pages must all be viewed for the unit to be complete: its lessons.
	Required bool `json:"required,omitempty"`
	// Graded pages score the learner (self-check quizzes); PassMark is theirs.
	Graded   bool `json:"graded,omitempty"`
	PassMark int  `json:"passMark,omitempty"`
}

// Graded reports whether any page of the unit scores the learner.
func (u Unit) Graded() bool {
	return slices.ContainsFunc(u.Pages, func(p Page) bool { return p.Graded })
}

// Dir is the folder of the wrappers and their scripts in a package, whatever its standard.
const Dir = "lms"

// Launch is the path of the unit's wrapper page in the package.
func (u Unit) Launch() string { return Dir + "/" + u.ID + ".html" }

// Units returns the units of language lang, for the given days (nil for every day of the
// course), in day order. The error says which languages or days the course has when the
// choice finds none, or names a unit too big to resume under SCORM 1.2's limits.
func Units(m *pipeline.Manifest, lang string, days []int) ([]Unit, error) {
	var langs, all []string
	var found []int
	for _, e := range m.Pages {
		if !slices.Contains(langs, e.Lang) {
			langs = append(langs, e.Lang)
		}
		if e.Lang == lang && e.Kind == plan.Day && !slices.Contains(found, e.Day) {
			found = append(found, e.Day)
			all = append(all, fmt.Sprint(e.Day))
		}
	}
	if len(found) == 0 {
		slices.Sort(langs)
		return nil, fmt.Errorf("the course has no days in language %q (its languages are %s)", lang, strings.Join(langs, ", "))
	}
	slices.Sort(found)
	if days == nil {
		days = found
	}
	var units []Unit
	for _, d := range days {
		if !slices.Contains(found, d) {
			return nil, fmt.Errorf("the course has no day %d in %s (its days are %s)", d, lang, strings.Join(all, ", "))
		}
		u := unitOf(m.ReadingOrder(lang, d), lang, d)
		if n := SuspendBound(len(u.Pages)); n > SuspendLimit {
			return nil, fmt.Errorf("day %d has %d pages: its progress could take %d characters, more than SCORM 1.2 keeps (%d); split the day", d, len(u.Pages), n, SuspendLimit)
		}
		units = append(units, u)
	}
	return units, nil
}

// unitOf makes the unit of one day from its reading order.
func unitOf(order []pipeline.Entry, lang string, day int) Unit {
	u := Unit{ID: fmt.Sprintf("day-%02d", day), Day: day, Lang: lang}
	marks, graded := 0, 0
	for _, e := range order {
		if e.Kind == plan.Day {
			u.Title = e.Title
		}
		p := Page{Path: e.Path, Title: e.Title, Required: e.Kind == plan.Lesson}
		if e.Graded != nil {
			p.Graded, p.PassMark = true, e.Graded.PassMark
			marks += e.Graded.PassMark
			graded++
		}
		u.Pages = append(u.Pages, p)
	}
	if graded > 0 {
		u.PassMark = (marks + graded - 1) / graded // rounded up: the mean pass mark is never lowered
	}
	return u
}

// Languages returns the languages of the site of m, in the order of its pages.
func Languages(m *pipeline.Manifest) []string {
	var out []string
	for _, e := range m.Pages {
		if e.Lang != "" && e.Kind == plan.Day && !slices.Contains(out, e.Lang) {
			out = append(out, e.Lang)
		}
	}
	return out
}

// SiteFiles returns what every package of res holds, by path: the whole learner site, the
// scripts of dialect d under Dir and the launch wrapper of each unit (the days of lang in
// days, nil for every day), with those units; the caller adds its standard's manifest.
// standard names the package in the message about another edition ("a SCORM package").
func SiteFiles(res *pipeline.Result, lang string, days []int, d Dialect, standard string) (map[string][]byte, []Unit, error) {
	m := res.Manifest
	if m.Edition != pipeline.Learner {
		return nil, nil, fmt.Errorf("%s holds the learner edition, not the %s edition", standard, m.Edition)
	}
	units, err := Units(m, lang, days)
	if err != nil {
		return nil, nil, err
	}
	files := map[string][]byte{}
	for _, p := range res.Site.Paths() {
		files[p], _ = res.Site.Get(p)
	}
	for name, data := range Assets(d) {
		files[Dir+"/"+name] = data
	}
	for _, u := range units {
		if files[u.Launch()], err = Wrapper(u, d); err != nil {
			return nil, nil, fmt.Errorf("the wrapper of day %d: %w", u.Day, err)
		}
	}
	return files, units, nil
}
