package lms

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
)

//go:embed wrapper.html assets
var files embed.FS

var wrapperTemplate = template.Must(template.ParseFS(files, "wrapper.html"))

// CSP is the Content-Security-Policy of a wrapper page: the course pages' policy, plus
// frames of the package's own pages (frame-src 'self'), plus the dialect's connect-src.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; base-uri 'none'; form-action 'none'"

// Dialect is how the wrappers of a package talk to its LMS.
type Dialect struct {
	// Name marks the wrapper (data-playbook-lms); lms.js picks its adapter by it.
	Name string
	// Adapter is the script, among the Assets, that connects a wrapper to the LMS.
	Adapter string
	// Connect is the policy's connect-src: where the wrapper may send requests; none when
	// empty. A policy in a meta tag cannot name a host known at launch only, so the
	// adapter narrows it once launched (docs/lms.md).
	Connect string
}

// SCORM is the dialect of SCORM version "1.2" or "2004": the LMS's API is a JavaScript
// object in a window above the wrapper, so the wrapper sends no request.
func SCORM(version string) Dialect { return Dialect{Name: version, Adapter: "lms-scorm.js"} }

// CMI5 is cmi5's dialect: the wrapper sends xAPI requests to the LMS's endpoint, a URL
// given at launch.
var CMI5 = Dialect{Name: "cmi5", Adapter: "lms-cmi5.js", Connect: "https: http:"}

// policy is the Content-Security-Policy of a wrapper in dialect d.
func (d Dialect) policy() string {
	if d.Connect == "" {
		return CSP
	}
	return CSP + "; connect-src " + d.Connect
}

// Assets are the scripts and style of the wrappers in dialect d, by their name in the
// wrappers' folder: the shared ones and d's adapter (not the other dialects').
func Assets(d Dialect) map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(files, "assets/*")
	for _, n := range names {
		name := n[len("assets/"):]
		if strings.HasPrefix(name, "lms-") && name != "lms-core.js" && name != d.Adapter {
			continue
		}
		data, _ := files.ReadFile(n)
		out[name] = data
	}
	return out
}

// Strings are the wrapper's words in one language.
type Strings struct {
	Day       string `json:"-"` // a unit's heading: its day's number and title
	Pages     string `json:"-"`
	Previous  string `json:"-"`
	Next      string `json:"-"`
	NoScript  string `json:"-"`
	Connected string `json:"connected"`
	Offline   string `json:"offline"`
}

// vocabulary is the wrapper's words in the languages it knows; others get English.
var vocabulary = map[string]Strings{
	"en": {Day: "Day %d: %s", Pages: "Pages of the day", Previous: "Previous", Next: "Next", NoScript: "Open the day's first page",
		Connected: "Your progress is recorded.", Offline: "No LMS found: your progress is not recorded."},
	"zh-CN": {Day: "第 %d 天：%s", Pages: "本日页面", Previous: "上一页", Next: "下一页", NoScript: "打开本日第一页",
		Connected: "学习进度已记录。", Offline: "未连接学习平台：进度不会被记录。"},
}

// Wrapper returns the wrapper page of unit u in dialect d: a bar with the day's pages
// above a frame that shows them.
func Wrapper(u Unit, d Dialect) ([]byte, error) {
	words := wordsOf(u.Lang)
	data, err := json.Marshal(struct {
		Unit     string  `json:"unit"`
		Day      int     `json:"day"`
		PassMark int     `json:"passMark"`
		Pages    []Page  `json:"pages"`
		Strings  Strings `json:"strings"`
	}{u.ID, u.Day, u.PassMark, u.Pages, words})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = wrapperTemplate.Execute(&buf, map[string]any{
		"Lang": u.Lang, "Dialect": d.Name, "Adapter": d.Adapter, "CSP": d.policy(), "Title": u.Heading(), "Pages": u.Pages,
		"T": words, "Data": template.JS(data),
	})
	return buf.Bytes(), err
}

// wordsOf returns the wrapper's words in lang, or in English.
func wordsOf(lang string) Strings {
	if w, ok := vocabulary[lang]; ok {
		return w
	}
	return vocabulary["en"]
}

// Heading is the unit's title as the LMS lists it: "Day 1: What CRM is".
func (u Unit) Heading() string { return fmt.Sprintf(wordsOf(u.Lang).Day, u.Day, u.Title) }
