// Package scorm writes the course as SCORM packages that an LMS (Moodle, Cornerstone,
// TalentLMS...) imports as they are: the learner edition of one language, one SCO per course
// day, each launched by the wrapper page of site/export/lms. The package is built from the
// pipeline's result (the site in memory and its manifest), not from the course's files.
// SCORM 1.2 and 2004 (4th edition) differ only in data: a Version names its manifest
// template and the dialect lms.js speaks. See docs/lms.md.
package scorm

import (
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"playbook/site/export/lms"
	"playbook/site/pipeline"
)

// Version is one version of SCORM a package can be written for.
type Version struct {
	// Name is what --version takes and what the wrapper's script is told: "1.2", "2004".
	Name string
	// manifest is the file of the template of imsmanifest.xml.
	manifest string
}

// Versions are the versions of SCORM the packages can be written for.
var Versions = []Version{
	{Name: "1.2", manifest: "manifest-1.2.xml"},
	{Name: "2004", manifest: "manifest-2004.xml"},
}

// VersionNamed returns the version called name; the error lists the versions.
func VersionNamed(name string) (Version, error) {
	var names []string
	for _, v := range Versions {
		if v.Name == name {
			return v, nil
		}
		names = append(names, v.Name)
	}
	return Version{}, fmt.Errorf("unknown SCORM version %q; use %s", name, strings.Join(names, " or "))
}

//go:embed manifest-*.xml
var manifests embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"xml":    xmlText,
	"href":   href,
	"scaled": func(mark int) string { return strconv.FormatFloat(float64(mark)/100, 'f', -1, 64) },
}).ParseFS(manifests, "manifest-*.xml"))

// Options says what to package.
type Options struct {
	Version Version
	// Lang is the language of the package.
	Lang string
	// Days are the days to package, nil for every day.
	Days []int
}

// Package returns the SCORM package (a zip archive) of res, a learner edition's build.
func Package(res *pipeline.Result, o Options) ([]byte, error) {
	files, err := Files(res, o)
	if err != nil {
		return nil, err
	}
	return lms.Zip(files)
}

// Files returns the files of the package of res, by their path in it: the whole site, the
// wrappers and their scripts under lms/, and imsmanifest.xml.
func Files(res *pipeline.Result, o Options) (map[string][]byte, error) {
	files, units, err := lms.SiteFiles(res, o.Lang, o.Days, lms.SCORM(o.Version.Name), "a SCORM package")
	if err != nil {
		return nil, err
	}
	m := res.Manifest
	manifest, err := Manifest(o.Version, m.Site+"-"+o.Lang, m.Titles[o.Lang], units, files)
	if err != nil {
		return nil, err
	}
	files["imsmanifest.xml"] = manifest
	return files, nil
}

// Manifest returns the imsmanifest.xml of a package named id with the given title and
// units; files are the package's files: those no unit lists are the shared resource.
func Manifest(v Version, id, title string, units []lms.Unit, files map[string][]byte) ([]byte, error) {
	inUnit := map[string]bool{}
	for _, u := range units {
		inUnit[u.Launch()] = true
		for _, p := range u.Pages {
			inUnit[p.Path] = true
		}
	}
	var shared []string
	for p := range files {
		if !inUnit[p] && p != "imsmanifest.xml" {
			shared = append(shared, p)
		}
	}
	slices.Sort(shared)
	var buf bytes.Buffer
	err := templates.ExecuteTemplate(&buf, v.manifest, map[string]any{
		"ID": id, "Title": title, "Units": units, "Shared": shared,
	})
	return buf.Bytes(), err
}

// xmlText escapes s for XML text and attributes.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// href is the URI of a package path: each segment percent-encoded as needed.
func href(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return xmlText(strings.Join(parts, "/"))
}
