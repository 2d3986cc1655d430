package plan

import (
	"fmt"
	"hash/fnv"
	"path"
	"strings"

	"playbook/site/course"
	"playbook/site/lesson"
	"playbook/site/material"
)

// Where each kind of page goes, relative to the site root.

// HomePath is a language's home page.
func HomePath(lang string) string { return lang + "/index.html" }

// ProgressPath is the progress page (the course has quizzes).
func ProgressPath(lang string) string { return lang + "/progress.html" }

// SearchPath is the search results page.
func SearchPath(lang string) string { return lang + "/search.html" }

// CoveragePath is the framework coverage table (trainer edition).
func CoveragePath(lang string) string { return lang + "/coverage.html" }

// SchedulePath is the course schedule (trainer edition).
func SchedulePath(lang string) string { return lang + "/schedule.html" }

// StandalonePath is a page beside the days, such as the glossary.
func StandalonePath(lang string, p *lesson.Day) string {
	return lang + "/" + lesson.SlugOf(p.Path) + ".html"
}

// DayPath is a day's page.
func DayPath(lang string, d *course.Day) string { return lang + "/" + d.Folder + "/index.html" }

// LessonPath is a lesson's page.
func LessonPath(lang string, d *course.Day, l *lesson.Lesson) string {
	return lang + "/" + d.Folder + "/" + l.Slug + ".html"
}

// SlidesPath is where a lesson's slides go: beside the lesson page, so that the lesson's
// relative links and images resolve the same from both, and one conversion serves both.
func SlidesPath(lang string, d *course.Day, l *lesson.Lesson) string {
	return lang + "/" + d.Folder + "/" + l.Slug + ".slides.html"
}

// MaterialPath is the page of material m: <lang>/<kind folder>/<id>.html.
func MaterialPath(lang string, m material.Material) string {
	meta := m.Meta()
	return lang + "/" + meta.Kind.Dir + "/" + meta.ID + ".html"
}

// MaterialKey is the language-neutral key of a material's page.
func MaterialKey(m material.Material) string {
	meta := m.Meta()
	return meta.Kind.Dir + "/" + meta.ID
}

// PackPath is a day's handout pack: the participants' or the trainer's.
func PackPath(lang string, day int, trainer bool) string {
	if trainer {
		return fmt.Sprintf("%s/packs/day-%02d-trainer.html", lang, day)
	}
	return fmt.Sprintf("%s/packs/day-%02d.html", lang, day)
}

// EvaluationPath is the page of the evaluation forms (trainer edition).
func EvaluationPath(lang string) string { return lang + "/packs/evaluation.html" }

// PaperPath is version v of exam id printed for a classroom (trainer edition).
func PaperPath(lang, id, v string) string {
	return fmt.Sprintf("%s/packs/%s-version-%s.html", lang, id, v)
}

// packKey is the language-neutral key of a pack.
func packKey(day int, trainer bool) string {
	if trainer {
		return fmt.Sprintf("packs/%d/trainer", day)
	}
	return fmt.Sprintf("packs/%d", day)
}

// URLs knows where every source file ends up in the output.
type URLs struct {
	// bySource maps a source path (content/en/day-01-x/01-y.md, a day folder, an asset) to
	// its output path (en/day-01-x/y.html).
	bySource map[string]string
	// byKey maps language and language-neutral key ("" home, "day-01-x/" day,
	// "day-01-x/01-y.md" lesson) to an output path, for the language switcher.
	byKey map[string]map[string]string
	// assets marks output paths that are copied files rather than pages.
	assets map[string]bool
	// perLang maps a language-neutral source (a quiz file) to its page in each language.
	perLang map[string]map[string]string
	// titles holds the title of every lesson and page by source path, for links that show it.
	titles map[string]string
}

func newURLs() *URLs {
	return &URLs{
		bySource: map[string]string{}, byKey: map[string]map[string]string{}, assets: map[string]bool{},
		perLang: map[string]map[string]string{}, titles: map[string]string{},
	}
}

// addPage records the page at out, in lang, under key (for the language switcher) and its
// source, if any.
func (u *URLs) addPage(lang, key, source, out string) {
	if u.byKey[lang] == nil {
		u.byKey[lang] = map[string]string{}
	}
	u.byKey[lang][key] = out
	if source != "" {
		u.bySource[source] = out
	}
}

// addMaterial records the page in lang of a material's source file.
func (u *URLs) addMaterial(lang string, m material.Material, out string) {
	src := m.Meta().Path
	if u.perLang[src] == nil {
		u.perLang[src] = map[string]string{}
	}
	u.perLang[src][lang] = out
}

// addAsset records a file copied from under content/.
func (u *URLs) addAsset(src string) {
	out := strings.TrimPrefix(src, course.ContentDir+"/")
	u.bySource[src] = out
	u.assets[out] = true
}

// Of returns the output path of a source file (a lesson, a day folder, an asset).
func (u *URLs) Of(source string) (string, bool) {
	out, ok := u.bySource[source]
	return out, ok
}

// OfMaterial returns the page in lang of the material whose source is src.
func (u *URLs) OfMaterial(src, lang string) (string, bool) {
	out, ok := u.perLang[src][lang]
	return out, ok
}

// OfKey returns the page in lang with the language-neutral key.
func (u *URLs) OfKey(lang, key string) (string, bool) {
	out, ok := u.byKey[lang][key]
	return out, ok
}

// Title returns the title of the lesson or page whose source is src.
func (u *URLs) Title(src string) (string, bool) {
	t, ok := u.titles[src]
	return t, ok
}

// Resolve returns the URL of the source file target from the page at from, in lang:
// lessons, days, assets and materials; image links must lead to an asset.
func (u *URLs) Resolve(lang, from, target string, image bool) (string, bool) {
	out, ok := u.bySource[target]
	if !ok {
		out, ok = u.perLang[target][lang]
	}
	if !ok || (image && !u.assets[out]) {
		return "", false
	}
	return RelURL(from, out), true
}

// RelURL returns the relative URL from the page at from to the file at to (both output paths).
func RelURL(from, to string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromDir) && i < len(toParts)-1 && fromDir[i] == toParts[i] {
		i++
	}
	return strings.Repeat("../", len(fromDir)-i) + strings.Join(toParts[i:], "/")
}

// RootPrefix returns the relative prefix from the page at p to the site root ("" or "../../").
func RootPrefix(p string) string {
	return strings.Repeat("../", strings.Count(p, "/"))
}

// Fingerprint hashes where every source ends up: when a file is added, removed or renamed,
// links and language switchers change everywhere.
func (u *URLs) Fingerprint() uint64 {
	h := fnv.New64a()
	str := func(s ...string) {
		for _, x := range s {
			h.Write([]byte(x))
			h.Write([]byte{0})
		}
	}
	for _, k := range sortedKeys(u.bySource) {
		str(k, u.bySource[k])
	}
	for _, k := range sortedKeys(u.perLang) {
		for _, l := range sortedKeys(u.perLang[k]) {
			str(k, l, u.perLang[k][l])
		}
	}
	return h.Sum64()
}
