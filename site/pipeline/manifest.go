package pipeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strings"

	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

// Manifest is what a build built: every page, with what it is. Outputs built on a site read
// it rather than guess from file names.
type Manifest struct {
	// Edition is the edition of the whole build.
	Edition Edition
	// Site is the site's key (SiteKey); Titles the course's title per language and
	// Descriptions its description (either may be the default language's).
	Site         string
	Titles       map[string]string
	Descriptions map[string]string
	// BaseURL is the URL the site is published at (base_url, ending in /), "" when unknown.
	BaseURL string
	// Pages are in plan order: per language the home page, each day with its lessons and
	// materials, the slides, the standalone pages and the site's own pages; then the kit.
	Pages []Entry
}

// Entry is one page of a built site.
type Entry struct {
	// Kind is the page's kind: home, day, lesson, slides, page, progress, search, coverage,
	// schedule, pack, redirect, notfound, or the name of a kind of material (quiz...).
	Kind string
	// Lang is the page's language.
	Lang string
	// Day is the course day the page belongs to, 0 for none.
	Day int
	// Title is the page's title as it shows it ("" for the home page: the course's title).
	Title string
	// Path is where the page is, relative to the site root.
	Path string
	// Key names the page alike in every language; Listed says whether the language switcher
	// and the sitemap know it by it.
	Key    string
	Listed bool
	// Order is the page's place in its language's reading order, from 1; 0 for pages outside.
	Order int
	// Trainer marks a page for the trainer only within its edition (the trainer's pack).
	Trainer bool
	// Source is the file the page shows, relative to the course root, "" for none.
	Source string
	// Version is the version of an exam paper ("a"), "" for other pages.
	Version string
	// Graded is set on the page of a material that scores the learner in this edition (a
	// self-check quiz; material.Graded), nil on other pages.
	Graded *Grade
}

// Grade is how a page scores a learner.
type Grade struct {
	// PassMark is the score in percent needed to pass.
	PassMark int
}

func newManifest(p *plan.Plan, r *render.Renderer) *Manifest {
	cfg := r.Course().Config
	m := &Manifest{Edition: p.Edition, Site: render.SiteKey(cfg), Titles: map[string]string{}, Descriptions: map[string]string{}, BaseURL: cfg.BaseURL}
	for _, lang := range cfg.Languages {
		m.Titles[lang] = cmp.Or(cfg.Title[lang], cfg.Title[cfg.DefaultLanguage])
		m.Descriptions[lang] = cmp.Or(cfg.Description[lang], cfg.Description[cfg.DefaultLanguage])
	}
	for _, pg := range p.Pages {
		e := Entry{
			Kind: pg.Kind, Lang: pg.Lang.Code, Title: r.Title(pg.Index), Path: pg.Out, Key: pg.Key,
			Listed: pg.Listed, Order: pg.Order, Trainer: pg.Trainer, Source: pg.Source, Version: pg.Version,
		}
		if pg.Day != nil {
			e.Day = pg.Day.Number
		}
		if pg.Material != nil {
			e.Day, e.Source = pg.Material.Meta().Day, pg.Material.Meta().Path
			if g, ok := pg.Material.(material.Graded); ok && pg.Version == "" {
				if mark, scores := g.Grading(p.Edition == Trainer); scores {
					e.Graded = &Grade{PassMark: mark}
				}
			}
		}
		m.Pages = append(m.Pages, e)
	}
	return m
}

// ReadingOrder returns the pages of day in language lang that are in the reading order (the
// day's page, its lessons, then its materials), in that order.
func (m *Manifest) ReadingOrder(lang string, day int) []Entry {
	var out []Entry
	for _, e := range m.Pages {
		if e.Lang == lang && e.Day == day && e.Order > 0 {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return a.Order - b.Order })
	return out
}

// Packs returns the day handout packs, participants' (or, when trainer is true, the
// trainer's), by language and day.
func (m *Manifest) Packs(trainer bool) []Entry {
	var out []Entry
	for _, e := range m.Pages {
		if e.Kind == plan.Pack && e.Trainer == trainer {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if a.Lang != b.Lang {
			return strings.Compare(a.Lang, b.Lang)
		}
		return a.Day - b.Day
	})
	return out
}

// Papers returns the printed versions of the exams (trainer edition), by language and day.
func (m *Manifest) Papers() []Entry {
	var out []Entry
	for _, e := range m.Pages {
		if e.Kind == plan.Paper {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		if a.Lang != b.Lang {
			return strings.Compare(a.Lang, b.Lang)
		}
		return a.Day - b.Day
	})
	return out
}

// ChoosePacks returns the packs of lang ("" for every language) and day (0 for every day),
// from packs as Packs returns them. When none is left, the error says which languages or days
// the course has.
func ChoosePacks(packs []Entry, lang string, day int) ([]Entry, error) {
	var chosen []Entry
	for _, p := range packs {
		if (lang == "" || p.Lang == lang) && (day == 0 || p.Day == day) {
			chosen = append(chosen, p)
		}
	}
	if len(chosen) == 0 {
		return nil, errors.New(describePacks(packs, lang, day))
	}
	return chosen, nil
}

// describePacks says which days and languages have packs, for a selection that found none.
func describePacks(packs []Entry, lang string, day int) string {
	var days []int
	langs := map[string]bool{}
	for _, p := range packs {
		langs[p.Lang] = true
		if (lang == "" || p.Lang == lang) && !slices.Contains(days, p.Day) {
			days = append(days, p.Day)
		}
	}
	if lang != "" && !langs[lang] {
		var names []string
		for l := range langs {
			names = append(names, l)
		}
		slices.Sort(names)
		return fmt.Sprintf("the course has no language %q (it has %s)", lang, strings.Join(names, ", "))
	}
	slices.Sort(days)
	var list []string
	for _, d := range days {
		list = append(list, fmt.Sprint(d))
	}
	return fmt.Sprintf("the course has no day %d (its days are %s)", day, strings.Join(list, ", "))
}

// PackPDF is the name of the PDF of pack e, slash-separated: its language's folder, then
// day-NN-participant.pdf or, for the trainer's pack, day-NN-trainer.pdf; for an exam paper,
// its page's name (final-assessment-version-a.pdf).
func (e Entry) PackPDF() string {
	if e.Kind == plan.Paper {
		return e.Lang + "/" + strings.TrimSuffix(path.Base(e.Path), ".html") + ".pdf"
	}
	kind := "participant"
	if e.Trainer {
		kind = "trainer"
	}
	return fmt.Sprintf("%s/day-%02d-%s.pdf", e.Lang, e.Day, kind)
}

// Sitemap lists every listed page under the absolute base URL, with its translations, in a
// stable order.
func (m *Manifest) Sitemap(base string) []byte {
	byKey := map[string]map[string]string{} // lang -> key -> path
	var langs []string
	for _, e := range m.Pages {
		if !e.Listed {
			continue
		}
		if byKey[e.Lang] == nil {
			byKey[e.Lang] = map[string]string{}
			langs = append(langs, e.Lang)
		}
		byKey[e.Lang][e.Key] = e.Path
	}
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, lang := range langs {
		keys := make([]string, 0, len(byKey[lang]))
		for k := range byKey[lang] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, key := range keys {
			buf.WriteString("<url><loc>")
			template.HTMLEscape(&buf, []byte(base+escapePath(byKey[lang][key])))
			buf.WriteString("</loc>")
			for _, other := range langs {
				if p, ok := byKey[other][key]; ok && len(langs) > 1 {
					fmt.Fprintf(&buf, `<xhtml:link rel="alternate" hreflang="%s" href="`, other)
					template.HTMLEscape(&buf, []byte(base+escapePath(p)))
					buf.WriteString(`"/>`)
				}
			}
			buf.WriteString("</url>\n")
		}
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// escapePath percent-encodes each segment of a slash path for use in an absolute URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}
