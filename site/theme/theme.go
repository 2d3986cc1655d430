// Package theme holds what the site looks like: html/template layouts, the stylesheet and
// scripts, and the table of interface strings in every language, all embedded in the binary.
package theme

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed templates/*.html assets/* strings.yaml
var files embed.FS

// pages are the page templates of the site itself; each is combined with
// templates/base.html, except those of ownLayout. The pages of material kinds come on top
// (see Load).
var pages = []string{"home", "day", "lesson", "progress", "search", "page", "coverage", "notfound", "redirect", "schedule", "pack", "evaluation", "slides"}

// ownLayout lists the page templates that define the whole document ("base") themselves:
// slides fill the screen, without the site's header, search box and footer.
var ownLayout = map[string]bool{"slides": true}

// packIncludes lists the page templates whose named parts a day's handout pack uses beside
// those of every material kind: the schedule's timetable.
var packIncludes = []string{"schedule"}

// Material is the page template of a kind of material: Name is the kind's name, Text the
// template, or "" for the theme's own templates/<Name>.html. It defines "main" and
// "<Name>-pack", the material inside a day's handout pack.
type Material struct {
	Name string
	Text string
}

// funcs are the helpers templates may call; they are pure.
var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	// seq returns 1..n, for blank rows of printed forms.
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	},
	// list makes a slice of its arguments.
	"list": func(items ...any) []any { return items },
	// dict builds a map from key/value pairs, to pass several values to a sub-template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict needs key/value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict keys must be strings")
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	// plain turns rendered HTML into its text, for places that cannot hold markup (<option>).
	"plain": func(h template.HTML) string {
		return html.UnescapeString(strings.TrimSpace(tags.ReplaceAllString(string(h), "")))
	},
}

var tags = regexp.MustCompile(`<[^>]*>`)

// Theme is a parsed theme, ready to render pages. It is safe for concurrent use.
type Theme struct {
	pages   map[string]*template.Template
	strings map[string]map[string]string
	assets  map[string][]byte
	// scriptJSON caches ScriptStringsJSON by language and groups.
	scriptJSON sync.Map
}

// Load parses the embedded theme with the page templates of the given kinds of material.
func Load(materials ...Material) (*Theme, error) {
	t := &Theme{pages: map[string]*template.Template{}, assets: map[string][]byte{}}
	raw, err := files.ReadFile("strings.yaml")
	if err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(raw, &t.strings); err != nil {
		return nil, fmt.Errorf("theme strings.yaml: %w", err)
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(files, "templates/base.html")
	if err != nil {
		return nil, err
	}
	sources := map[string]string{}
	for _, name := range pages {
		if sources[name], err = t.source(name, ""); err != nil {
			return nil, err
		}
	}
	includes := map[string][]string{"pack": packIncludes}
	names := slices.Clone(pages)
	for _, m := range materials {
		if _, dup := sources[m.Name]; dup {
			return nil, fmt.Errorf("the material kind %q has the name of a page template", m.Name)
		}
		if sources[m.Name], err = t.source(m.Name, m.Text); err != nil {
			return nil, err
		}
		names = append(names, m.Name)
		includes["pack"] = append(includes["pack"], m.Name)
	}
	for _, name := range names {
		if t.pages[name], err = parsePage(base, name, sources, includes[name]); err != nil {
			return nil, err
		}
	}
	err = fs.WalkDir(files, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(p)
		t.assets[p] = data
		return err
	})
	return t, err
}

// source returns the text of the page template name: text, or the theme's own file.
func (t *Theme) source(name, text string) (string, error) {
	if text != "" {
		return text, nil
	}
	data, err := files.ReadFile("templates/" + name + ".html")
	return string(data), err
}

// parsePage parses the page template name on a copy of base (or alone, for a page of its
// own layout), after the templates it includes.
func parsePage(base *template.Template, name string, sources map[string]string, includes []string) (*template.Template, error) {
	if ownLayout[name] {
		return template.New(name + ".html").Funcs(funcs).Parse(sources[name])
	}
	clone, err := base.Clone()
	if err != nil {
		return nil, err
	}
	// The page's own template comes last, so that its "main" is the one kept.
	for _, part := range append(slices.Clone(includes), name) {
		if clone, err = clone.New(part + ".html").Parse(sources[part]); err != nil {
			return nil, fmt.Errorf("template %s: %w", part, err)
		}
	}
	return clone, nil
}

// Render executes the page template name with data into w.
func (t *Theme) Render(w io.Writer, name string, data any) error {
	tmpl, ok := t.pages[name]
	if !ok {
		return fmt.Errorf("theme has no page template %q", name)
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "base", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// RenderPart executes the named template of the base layout (e.g. "search-form") with
// data, for a piece of HTML that many pages share and that is worth rendering once.
func (t *Theme) RenderPart(name string, data any) (template.HTML, error) {
	return t.RenderPartOf("home", name, data)
}

// RenderPartOf executes the named template of the page template page with data: a
// material's part of a handout pack ("quiz-pack" of "pack").
func (t *Theme) RenderPartOf(page, name string, data any) (template.HTML, error) {
	tmpl, ok := t.pages[page]
	if !ok {
		return "", fmt.Errorf("theme has no page template %q", page)
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// String returns the interface string key in lang, falling back to English, then to the key.
func (t *Theme) String(lang, key string) string {
	if s, ok := t.strings[key][lang]; ok {
		return s
	}
	if s, ok := t.strings[key]["en"]; ok {
		return s
	}
	return key
}

// scriptGroups are the prefixes (after "js_") of the strings of each page script; the quiz
// scripts use the keys without a group prefix.
var scriptGroups = []string{"ck_", "ws_", "sr_", "sl_", "sc_"}

// ScriptStrings returns the strings one page script uses, in lang: the keys starting with
// "js_" + group ("" for the quiz scripts, "ck_" for checklists, "ws_" for worksheets,
// "sr_" for search, "sl_" for slides),
// without the "js_" prefix. Pages carry only the strings of their own scripts.
func (t *Theme) ScriptStrings(lang, group string) map[string]string {
	out := map[string]string{}
	for key := range t.strings {
		name, ok := strings.CutPrefix(key, "js_")
		if !ok || !strings.HasPrefix(name, group) {
			continue
		}
		if group == "" && hasGroup(name) {
			continue
		}
		out[name] = t.String(lang, key)
	}
	return out
}

// ScriptStringsJSON returns the ScriptStrings of every group in groups, merged, as the JSON
// object a page carries in its <script type="application/json" id="pb-strings"> element.
// The encoder escapes <, > and &, so the text cannot close the element. It is computed once
// per language and groups: every page of a language carries the same strings.
func (t *Theme) ScriptStringsJSON(lang string, groups []string) template.JS {
	key := lang + "\x00" + strings.Join(groups, "\x00")
	if v, ok := t.scriptJSON.Load(key); ok {
		return v.(template.JS)
	}
	merged := map[string]string{}
	for _, g := range groups {
		maps.Copy(merged, t.ScriptStrings(lang, g))
	}
	data, err := json.Marshal(merged)
	if err != nil {
		data = []byte("{}") // a map of strings always encodes
	}
	v, _ := t.scriptJSON.LoadOrStore(key, template.JS(data))
	return v.(template.JS)
}

func hasGroup(name string) bool {
	for _, g := range scriptGroups {
		if strings.HasPrefix(name, g) {
			return true
		}
	}
	return false
}

// StringKeys returns every key of the strings table, sorted.
func (t *Theme) StringKeys() []string {
	keys := make([]string, 0, len(t.strings))
	for k := range t.strings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// HasString reports whether key has a translation in lang.
func (t *Theme) HasString(lang, key string) bool {
	_, ok := t.strings[key][lang]
	return ok
}

// Assets returns the theme's static files by their output path (assets/...), sorted.
func (t *Theme) Assets() []string {
	out := make([]string, 0, len(t.assets))
	for p := range t.assets {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Asset returns the content of a static file.
func (t *Theme) Asset(p string) []byte { return t.assets[path.Clean(p)] }
