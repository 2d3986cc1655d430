package build

import (
	"path"
	"strings"

	"playbook/site/course"
	"playbook/site/lesson"
	"playbook/site/material"
	"playbook/site/quiz"
)

// urlMap knows where every source file ends up in the output.
type urlMap struct {
	// bySource maps a source path (content/en/day-01-x/01-y.md, a day folder, an asset) to
	// its output path (en/day-01-x/y.html).
	bySource map[string]string
	// byKey maps language and language-relative key ("" home, "day-01-x/" day,
	// "day-01-x/01-y.md" lesson) to an output path, for the language switcher.
	byKey map[string]map[string]string
	// assets marks output paths that are copied files rather than pages.
	assets map[string]bool
	// perLang maps a language-neutral source (a quiz file) to its page in each language.
	perLang map[string]map[string]string
	// titles holds the title of every lesson by source path, for links that show it.
	titles map[string]string
}

func homePath(lang string) string     { return lang + "/index.html" }
func progressPath(lang string) string { return lang + "/progress.html" }
func standalonePath(lang string, p *lesson.Day) string {
	return lang + "/" + lesson.SlugOf(p.Path) + ".html"
}

// materialPath is the page of material m in lang: <lang>/<kind folder>/<id>.html.
func materialPath(lang string, m material.Material) string {
	meta := m.Meta()
	return lang + "/" + meta.Kind.Dir + "/" + meta.ID + ".html"
}

// materialKey is the language-neutral key of a material's page, for the language switcher.
func materialKey(m material.Material) string {
	meta := m.Meta()
	return meta.Kind.Dir + "/" + meta.ID
}
func dayPath(lang string, d *course.Day) string { return lang + "/" + d.Folder + "/index.html" }
func lessonPath(lang string, d *course.Day, l *lesson.Lesson) string {
	return lang + "/" + d.Folder + "/" + l.Slug + ".html"
}

func newURLMap(c *course.Course) *urlMap {
	u := &urlMap{
		bySource: map[string]string{}, byKey: map[string]map[string]string{}, assets: map[string]bool{},
		perLang: map[string]map[string]string{}, titles: map[string]string{},
	}
	for _, lang := range c.Languages {
		keys := map[string]string{}
		u.byKey[lang.Code] = keys
		root := path.Join(course.ContentDir, lang.Code)
		home := homePath(lang.Code)
		u.bySource[root] = home
		u.bySource[root+"/"+lesson.DayFile] = home
		keys[""] = home
		for _, pg := range lang.Pages {
			out := standalonePath(lang.Code, pg)
			u.bySource[pg.Path] = out
			u.titles[pg.Path] = pg.Title
			keys[course.RelPath(lang.Code, pg.Path)] = out
		}
		for _, d := range lang.Days {
			dir := root + "/" + d.Folder
			dp := dayPath(lang.Code, d)
			u.bySource[dir] = dp
			u.bySource[dir+"/"+lesson.DayFile] = dp
			keys[d.Folder+"/"] = dp
			for _, l := range d.Lessons {
				lp := lessonPath(lang.Code, d, l)
				u.bySource[l.Path] = lp
				u.titles[l.Path] = l.Title
				keys[course.RelPath(lang.Code, l.Path)] = lp
			}
		}
		hasQuizzes := false
		for _, m := range c.Materials {
			u.addData(lang.Code, m.Meta().Path, materialKey(m), materialPath(lang.Code, m))
			_, isQuiz := m.(*quiz.Quiz)
			hasQuizzes = hasQuizzes || isQuiz
		}
		if hasQuizzes {
			keys["progress"] = progressPath(lang.Code)
		}
		if c.Config.Features.Search {
			keys["search"] = searchPath(lang.Code)
		}
	}
	for _, a := range c.Assets {
		out := strings.TrimPrefix(a, course.ContentDir+"/")
		u.bySource[a] = out
		u.assets[out] = true
	}
	return u
}

// addData records the page in lang of a material's source file.
func (u *urlMap) addData(lang, src, key, out string) {
	if u.perLang[src] == nil {
		u.perLang[src] = map[string]string{}
	}
	u.perLang[src][lang] = out
	u.byKey[lang][key] = out
}

// relURL returns the relative URL from the page at from to the file at to (both output paths).
func relURL(from, to string) string {
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

// rootPrefix returns the relative prefix from the page at p to the site root ("" or "../..").
func rootPrefix(p string) string {
	return strings.Repeat("../", strings.Count(p, "/"))
}

// pageResolver resolves Markdown links for one page.
type pageResolver struct {
	urls *urlMap
	lang string
	from string
}

// ResolveLink implements markdown.Resolver.
func (r pageResolver) ResolveLink(target string, image bool) (string, bool) {
	out, ok := r.urls.bySource[target]
	if !ok {
		out, ok = r.urls.perLang[target][r.lang]
	}
	if !ok {
		return "", false
	}
	if image && !r.urls.assets[out] {
		return "", false
	}
	return relURL(r.from, out), true
}
