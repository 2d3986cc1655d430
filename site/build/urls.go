package build

import (
	"path"
	"strings"

	"playbook/site/course"
	"playbook/site/lesson"
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
}

func homePath(lang string) string               { return lang + "/index.html" }
func dayPath(lang string, d *course.Day) string { return lang + "/" + d.Folder + "/index.html" }
func lessonPath(lang string, d *course.Day, l *lesson.Lesson) string {
	return lang + "/" + d.Folder + "/" + l.Slug + ".html"
}

func newURLMap(c *course.Course) *urlMap {
	u := &urlMap{bySource: map[string]string{}, byKey: map[string]map[string]string{}, assets: map[string]bool{}}
	for _, lang := range c.Languages {
		keys := map[string]string{}
		u.byKey[lang.Code] = keys
		root := path.Join(course.ContentDir, lang.Code)
		home := homePath(lang.Code)
		u.bySource[root] = home
		u.bySource[root+"/"+lesson.DayFile] = home
		keys[""] = home
		for _, d := range lang.Days {
			dir := root + "/" + d.Folder
			dp := dayPath(lang.Code, d)
			u.bySource[dir] = dp
			u.bySource[dir+"/"+lesson.DayFile] = dp
			keys[d.Folder+"/"] = dp
			for _, l := range d.Lessons {
				lp := lessonPath(lang.Code, d, l)
				u.bySource[l.Path] = lp
				keys[course.RelPath(lang.Code, l.Path)] = lp
			}
		}
	}
	for _, a := range c.Assets {
		out := strings.TrimPrefix(a, course.ContentDir+"/")
		u.bySource[a] = out
		u.assets[out] = true
	}
	return u
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
	from string
}

// ResolveLink implements markdown.Resolver.
func (r pageResolver) ResolveLink(target string, image bool) (string, bool) {
	out, ok := r.urls.bySource[target]
	if !ok {
		return "", false
	}
	if image && !r.urls.assets[out] {
		return "", false
	}
	return relURL(r.from, out), true
}
