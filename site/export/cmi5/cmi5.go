// Package cmi5 writes the course as cmi5 course packages that an LMS with cmi5 support
// imports as they are: the learner edition of one language, one assignable unit (AU) per
// course day, each launched by the wrapper page of site/export/lms in its cmi5 dialect (the
// wrapper talks xAPI to the LMS's endpoint), and cmi5.xml, the course structure. The package
// is built from the pipeline's result, as package scorm's are. See docs/lms.md.
package cmi5

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"net/url"
	"strconv"
	"strings"
	"text/template"

	"playbook/site/export/lms"
	"playbook/site/pipeline"
)

//go:embed cmi5.xml
var structureText string

var structure = template.Must(template.New("cmi5.xml").Funcs(template.FuncMap{"xml": xmlText}).Parse(structureText))

// Options says what to package.
type Options struct {
	// Lang is the language of the package.
	Lang string
	// Days are the days to package, nil for every day.
	Days []int
}

// AU is one assignable unit of cmi5.xml: a course day.
type AU struct {
	// ID is the AU's IRI: the course's, then the day (publisher id, in the statements'
	// context when the LMS launches it).
	ID string
	// Title and Description are in the package's language.
	Title, Description string
	// URL is the launch URL: the day's wrapper, relative to cmi5.xml.
	URL string
	// MoveOn is what satisfies the AU: Completed (every lesson viewed), or
	// CompletedAndPassed when the day has a graded quiz.
	MoveOn string
	// Mastery is the pass mark as a scaled score ("0.7"), "" when the day has none.
	Mastery string
}

// Package returns the cmi5 package (a zip archive) of res, a learner edition's build.
func Package(res *pipeline.Result, o Options) ([]byte, error) {
	files, err := Files(res, o)
	if err != nil {
		return nil, err
	}
	return lms.Zip(files)
}

// Files returns the files of the package of res, by their path in it: the whole site, the
// wrappers and their scripts under lms/, and cmi5.xml.
func Files(res *pipeline.Result, o Options) (map[string][]byte, error) {
	files, units, err := lms.SiteFiles(res, o.Lang, o.Days, lms.CMI5, "a cmi5 package")
	if err != nil {
		return nil, err
	}
	files["cmi5.xml"], err = Structure(res.Manifest, o.Lang, units)
	return files, err
}

// Structure returns cmi5.xml for the units of language lang of the site of m.
func Structure(m *pipeline.Manifest, lang string, units []lms.Unit) ([]byte, error) {
	id := CourseID(m, lang)
	var aus []AU
	for _, u := range units {
		au := AU{ID: id + "/" + u.ID, Title: u.Heading(), Description: describe(u), URL: href(u.Launch()), MoveOn: "Completed"}
		if u.Graded() {
			au.MoveOn = "CompletedAndPassed"
			au.Mastery = strconv.FormatFloat(float64(u.PassMark)/100, 'f', -1, 64)
		}
		aus = append(aus, au)
	}
	var buf bytes.Buffer
	err := structure.Execute(&buf, map[string]any{
		"ID": id, "Lang": lang, "Title": m.Titles[lang], "Description": m.Descriptions[lang], "AUs": aus,
	})
	return buf.Bytes(), err
}

// CourseID is the IRI of the course in language lang: under the site's base_url when it
// has one (a domain its author controls), else a URN made of the site's key.
func CourseID(m *pipeline.Manifest, lang string) string {
	if m.BaseURL != "" {
		return m.BaseURL + lang + "/cmi5"
	}
	return "urn:playbook:" + m.Site + ":" + lang
}

// describe is the AU's description: the titles of the day's pages after the day's own.
func describe(u lms.Unit) string {
	var titles []string
	for _, p := range u.Pages[1:] {
		titles = append(titles, p.Title)
	}
	if len(titles) == 0 {
		return u.Heading()
	}
	return strings.Join(titles, " · ")
}

// xmlText escapes s for XML text and attributes.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// href is the URL of a package path relative to cmi5.xml: each segment percent-encoded.
func href(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
