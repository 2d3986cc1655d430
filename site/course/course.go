// Package course loads a whole course from a file system into one model: the configuration,
// and per language the home introduction, the day folders and their lessons. It checks the
// layout (folder names, day numbers, slugs, translations); the Markdown bodies are rendered
// later by the build.
package course

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"playbook/site/config"
	"playbook/site/coverage"
	"playbook/site/diag"
	"playbook/site/lesson"
	"playbook/site/material"
	"playbook/site/source"
)

// ContentDir holds one Markdown tree per language.
const ContentDir = "content"

// Course is everything a build needs, loaded and checked.
type Course struct {
	Config    *config.Config
	Languages []*Language
	// Assets are non-Markdown files under content/ (images, PDFs), copied as they are.
	Assets []string
	// Kinds are the kinds of material the course was loaded with.
	Kinds *material.Registry
	// Materials are the quizzes, checklists, worksheets... of the course: by kind in the
	// order of Kinds, then by day, then by id.
	Materials []material.Material
	// Hashes fingerprints the content of every source file read, by path, so a caching
	// builder can tell what changed.
	Hashes map[string]uint64
	// Frameworks are the rows of the coverage table (frameworks.yaml), if the course has one.
	Frameworks []*coverage.Framework

	cache *Cache
	langs uint64 // fingerprint of the languages, part of every cache key
}

// Cache keeps parsed files from one load to the next (the live preview): a file whose
// content and languages did not change is not parsed again. It is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	files   map[string]fileMemo
}

type cacheEntry struct {
	key   uint64
	value any
	diags diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}, files: map[string]fileMemo{}} }

// parseCached parses the file p through the course's cache, if it has one.
func parseCached[T any](c *Course, p string, diags *diag.List, parse func(*diag.List) T) T {
	if c.cache == nil {
		return parse(diags)
	}
	key := c.Hashes[p] ^ c.langs
	c.cache.mu.Lock()
	e, ok := c.cache.entries[p]
	c.cache.mu.Unlock()
	if ok && e.key == key {
		if v, ok := e.value.(T); ok {
			diags.Add(e.diags...)
			return v
		}
	}
	var local diag.List
	v := parse(&local)
	diags.Add(local...)
	c.cache.mu.Lock()
	c.cache.entries[p] = cacheEntry{key: key, value: v, diags: local}
	c.cache.mu.Unlock()
	return v
}

// read reads a source file and records its fingerprint. With a cache, a file whose bytes
// are the very same as last time (a caching file system hands back the same slice) is not
// checked and hashed again.
func (c *Course) read(fsys fs.FS, p string, diags *diag.List) ([]byte, bool) {
	var raw []byte
	if c.cache != nil {
		if data, err := fs.ReadFile(fsys, p); err == nil && len(data) > 0 {
			raw = data
			c.cache.mu.Lock()
			m, ok := c.cache.files[p]
			c.cache.mu.Unlock()
			if ok && len(m.raw) == len(raw) && &m.raw[0] == &raw[0] {
				c.Hashes[p] = m.hash
				return m.text, true
			}
		}
	}
	text, ok := source.Read(fsys, p, diags)
	if ok {
		h := fnv.New64a()
		h.Write(text)
		c.Hashes[p] = h.Sum64()
		if c.cache != nil && raw != nil {
			c.cache.mu.Lock()
			c.cache.files[p] = fileMemo{raw: raw, text: text, hash: c.Hashes[p]}
			c.cache.mu.Unlock()
		}
	}
	return text, ok
}

// fileMemo remembers a file's checked text and fingerprint by the identity of its bytes.
type fileMemo struct {
	raw  []byte
	text []byte
	hash uint64
}

// MaterialsOfDay returns the materials that belong to day n, in course order.
func (c *Course) MaterialsOfDay(n int) []material.Material {
	var out []material.Material
	for _, m := range c.Materials {
		if m.Meta().Day == n {
			out = append(out, m)
		}
	}
	return out
}

// Material returns the material whose source file is p, or nil.
func (c *Course) Material(p string) material.Material {
	for _, m := range c.Materials {
		if m.Meta().Path == p {
			return m
		}
	}
	return nil
}

// MaterialNamed returns the material a lesson names by its id ("value-tiers") or by its
// kind's folder and id ("worksheets/value-tiers"), or why there is none: no material has
// that id, or materials of two kinds share it.
func (c *Course) MaterialNamed(name string) (material.Material, error) {
	dir, id, qualified := strings.Cut(name, "/")
	if !qualified {
		dir, id = "", name
	}
	var found []material.Material
	for _, m := range c.Materials {
		meta := m.Meta()
		if meta.ID == id && (dir == "" || meta.Kind.Dir == dir) {
			found = append(found, m)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("no quiz, checklist or worksheet has the id %q; give the id of a file in %s", name, strings.Join(c.Kinds.Dirs(), "/, ")+"/")
	}
	var names []string
	for _, m := range found {
		names = append(names, m.Meta().Kind.Dir+"/"+id)
	}
	return nil, fmt.Errorf("%q is the id of more than one material; write %s", name, strings.Join(names, " or "))
}

// Language is one language's tree.
type Language struct {
	Code string
	// Home is the optional content/<lang>/_index.md introducing the course.
	Home *lesson.Day
	Days []*Day
	// Pages are standalone pages beside the days (content/<lang>/glossary.md...), by file name.
	Pages []*lesson.Day
}

// Day is one day folder.
type Day struct {
	Number int
	// Folder is the folder name, e.g. "day-01-what-crm-is"; it is also the day's URL.
	Folder string
	// Info is the day's _index.md, or nil when there is none.
	Info    *lesson.Day
	Lessons []*lesson.Lesson
}

// Title returns the day's title, or "" when the day has no _index.md.
func (d *Day) Title() string {
	if d.Info == nil {
		return ""
	}
	return d.Info.Title
}

// Duration sums the durations of the day's lessons, in minutes.
func (d *Day) Duration() int {
	total := 0
	for _, l := range d.Lessons {
		total += l.Duration
	}
	return total
}

// Lang returns the language with code, or nil.
func (c *Course) Lang(code string) *Language {
	for _, l := range c.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

var dayFolder = regexp.MustCompile(`^day-(\d{2})(-[a-z0-9][a-z0-9-]*)?$`)

// Load reads the course in fsys with the default kinds of material. Every problem goes to
// diags. Drafts are left out.
func Load(fsys fs.FS, diags *diag.List) *Course { return LoadWith(fsys, Options{}, diags) }

// LoadCached is Load with a cache of parsed files (nil for none).
func LoadCached(fsys fs.FS, cache *Cache, diags *diag.List) *Course {
	return LoadWith(fsys, Options{Cache: cache}, diags)
}

// Options configures a load.
type Options struct {
	// Kinds are the kinds of material to load; nil means DefaultKinds.
	Kinds *material.Registry
	// Cache keeps parsed files from one load to the next; nil for none.
	Cache *Cache
}

// LoadWith reads the course in fsys as opts say.
func LoadWith(fsys fs.FS, opts Options, diags *diag.List) *Course {
	kinds := opts.Kinds
	if kinds == nil {
		kinds = DefaultKinds()
	}
	cfg, raw := config.Load(fsys, diags)
	c := &Course{Config: cfg, Kinds: kinds, Hashes: map[string]uint64{}, cache: opts.Cache}
	if raw != nil {
		// Fingerprinted so that the course names it among the files it read.
		h := fnv.New64a()
		h.Write(raw)
		c.Hashes[config.FileName] = h.Sum64()
	}
	h := fnv.New64a()
	h.Write([]byte(strings.Join(c.Config.Languages, ",")))
	c.langs = h.Sum64()
	for _, code := range c.Config.Languages {
		c.Languages = append(c.Languages, loadLanguage(fsys, c, code, diags))
	}
	for _, k := range kinds.Kinds() {
		c.Materials = append(c.Materials, c.loadMaterials(fsys, k, diags)...)
	}
	if _, err := fs.Stat(fsys, coverage.FileName); err == nil && !refuseLink(fsys, coverage.FileName, diags) {
		if text, ok := c.read(fsys, coverage.FileName, diags); ok {
			c.Frameworks = coverage.Parse(text, c.Config.Languages, diags)
		}
	}
	checkTranslations(c, diags)
	return c
}

func loadLanguage(fsys fs.FS, c *Course, code string, diags *diag.List) *Language {
	lang := &Language{Code: code}
	root := path.Join(ContentDir, code)
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		diags.Errorf(diag.Pos{Path: config.FileName}, "language %s has no folder %s/; create it, or remove %s from languages", code, root, code)
		return lang
	}
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(root, name)
		switch {
		case ignored(name):
		case e.Type()&fs.ModeSymlink != 0:
			diags.Errorf(diag.Pos{Path: p}, "%s is a symbolic link, which the build does not follow (it could reach files outside the course); copy the file or folder in instead", p)
		case !e.IsDir() && name == lesson.DayFile:
			if text, ok := c.read(fsys, p, diags); ok {
				lang.Home = parseCached(c, p, diags, func(d *diag.List) *lesson.Day { return lesson.ParseDay(p, text, d) })
			}
		case !e.IsDir() && strings.HasSuffix(name, ".md"):
			// A page beside the days: the glossary, an about page. Lessons go in day folders.
			if text, ok := c.read(fsys, p, diags); ok {
				if pg := parseCached(c, p, diags, func(d *diag.List) *lesson.Day { return lesson.ParseDay(p, text, d) }); pg != nil {
					lang.Pages = append(lang.Pages, pg)
				}
			}
		case !e.IsDir():
			c.Assets = append(c.Assets, p)
		default:
			m := dayFolder.FindStringSubmatch(name)
			if m == nil {
				diags.Errorf(diag.Pos{Path: p}, "folder %q is not a day folder; name it day-NN-topic, e.g. day-01-what-crm-is (lower case, digits and hyphens)", name)
				continue
			}
			n, _ := strconv.Atoi(m[1])
			if n < 1 || n > 99 {
				diags.Errorf(diag.Pos{Path: p}, "day number %d is out of range; days count from day-01", n)
				continue
			}
			if prev, dup := seen[n]; dup {
				diags.Errorf(diag.Pos{Path: p}, "day %d already has the folder %s; merge the two folders or renumber one", n, prev)
				continue
			}
			seen[n] = p
			lang.Days = append(lang.Days, loadDay(fsys, c, p, n, diags))
		}
	}
	sort.Slice(lang.Days, func(i, j int) bool { return lang.Days[i].Number < lang.Days[j].Number })
	sort.Slice(lang.Pages, func(i, j int) bool { return lang.Pages[i].Path < lang.Pages[j].Path })
	return lang
}

func loadDay(fsys fs.FS, c *Course, dir string, number int, diags *diag.List) *Day {
	day := &Day{Number: number, Folder: path.Base(dir)}
	slugs := map[string]string{}
	_ = fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(diag.Pos{Path: p}, "cannot read: %v", err)
			return nil
		}
		name := e.Name()
		if p != dir && ignored(name) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(diag.Pos{Path: p}, "%s is a symbolic link, which the build does not follow (it could reach files outside the course); copy the file in instead", p)
			return nil
		}
		if e.IsDir() {
			return nil
		}
		nested := path.Dir(p) != dir
		switch {
		case !strings.HasSuffix(name, ".md"):
			c.Assets = append(c.Assets, p)
		case nested:
			diags.Errorf(diag.Pos{Path: p}, "lessons must sit directly in the day folder %s, not in a subfolder; move the file up", dir)
		case name == lesson.DayFile:
			if text, ok := c.read(fsys, p, diags); ok {
				day.Info = parseCached(c, p, diags, func(d *diag.List) *lesson.Day { return lesson.ParseDay(p, text, d) })
			}
		default:
			text, ok := c.read(fsys, p, diags)
			if !ok {
				return nil
			}
			l := parseCached(c, p, diags, func(d *diag.List) *lesson.Lesson { return lesson.Parse(p, text, d) })
			if l == nil {
				return nil
			}
			if l.Day != 0 && l.Day != number {
				diags.Errorf(diag.Pos{Path: p, Line: 2}, "front matter says day %d but the file is in the folder of day %d; fix the day or move the file", l.Day, number)
			}
			l.Day = number
			if strings.HasSuffix(l.Slug, ".slides") {
				diags.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "a lesson's file name may not end in \".slides\": %s.html is where the slides of the lesson %q go; rename the file", l.Slug, strings.TrimSuffix(l.Slug, ".slides"))
				return nil
			}
			if prev, dup := slugs[l.Slug]; dup {
				diags.Errorf(diag.Pos{Path: p}, "duplicate slug %q: %s has the same name without its number; rename one of them", l.Slug, prev)
				return nil
			}
			slugs[l.Slug] = p
			if !l.Draft {
				day.Lessons = append(day.Lessons, l)
			}
		}
		return nil
	})
	if day.Info == nil {
		diags.Warnf(diag.Pos{Path: dir}, "day folder has no %s; add one with a title and a summary (the day's theme)", lesson.DayFile)
	}
	sort.Slice(day.Lessons, func(i, j int) bool {
		a, b := day.Lessons[i], day.Lessons[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.Slug < b.Slug
	})
	return day
}

func listYAML(fsys fs.FS, dir string, diags *diag.List) []string {
	var out []string
	if refuseLink(fsys, dir, diags) {
		return nil
	}
	_ = fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil // an absent folder is fine: the course has none of these yet
		}
		if p != dir && ignored(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			diags.Errorf(diag.Pos{Path: p}, "%s is a symbolic link, which the build does not follow (it could reach files outside the course); copy the file or folder in instead", p)
			return nil
		}
		if !e.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// refuseLink reports p when it is a symbolic link, which the build does not follow, and
// says whether it was one. A file system that cannot tell links from files has none.
func refuseLink(fsys fs.FS, p string, diags *diag.List) bool {
	info, err := fs.Lstat(fsys, p)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	diags.Errorf(diag.Pos{Path: p}, "%s is a symbolic link, which the build does not follow (it could reach files outside the course); copy the file or folder in instead", p)
	return true
}

// loadMaterials reads and parses the YAML files of one kind, reports duplicate ids, and
// returns what parsed sorted by day, then id.
func (c *Course) loadMaterials(fsys fs.FS, k *material.Kind, diags *diag.List) []material.Material {
	var out []material.Material
	byID := map[string]string{}
	for _, p := range listYAML(fsys, k.Dir, diags) {
		text, ok := c.read(fsys, p, diags)
		if !ok {
			continue
		}
		parse := c.Kinds.Parser(k)
		x := parseCached(c, p, diags, func(d *diag.List) material.Material { return parse(p, text, c.Config.Languages, d) })
		if x == nil {
			continue
		}
		id := x.Meta().ID
		if id == "" {
			continue
		}
		if prev, dup := byID[id]; dup {
			diags.Errorf(diag.Pos{Path: p}, "duplicate %s id %q: %s has it too; %s ids must be unique", k.Name, id, prev, k.Name)
			continue
		}
		byID[id] = p
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Meta(), out[j].Meta()
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		return a.ID < b.ID
	})
	if review := c.Kinds.Reviewer(k); review != nil {
		review(out, c.Config.Languages, diags)
	}
	return out
}

// ignored reports whether a file name is hidden or an editor's temporary file.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// checkTranslations warns where a lesson or day exists in one language and not in another:
// the language switcher then falls back to the other language's home page.
func checkTranslations(c *Course, diags *diag.List) {
	if len(c.Languages) < 2 {
		return
	}
	files := map[string]map[string]bool{} // relative path -> languages having it
	for _, lang := range c.Languages {
		for _, pg := range lang.Pages {
			r := RelPath(lang.Code, pg.Path)
			if files[r] == nil {
				files[r] = map[string]bool{}
			}
			files[r][lang.Code] = true
		}
		for _, day := range lang.Days {
			rels := []string{day.Folder + "/"}
			for _, l := range day.Lessons {
				rels = append(rels, RelPath(lang.Code, l.Path))
			}

			for _, r := range rels {
				if files[r] == nil {
					files[r] = map[string]bool{}
				}
				files[r][lang.Code] = true
			}
		}
	}
	rels := make([]string, 0, len(files))
	for r := range files {
		rels = append(rels, r)
	}
	sort.Strings(rels)
	for _, r := range rels {
		for _, lang := range c.Languages {
			if files[r][lang.Code] {
				continue
			}
			var have string
			for _, other := range c.Languages {
				if files[r][other.Code] {
					have = path.Join(ContentDir, other.Code, r)
					break
				}
			}
			diags.Warnf(diag.Pos{Path: have}, "no %s translation: expected %s", lang.Code, path.Join(ContentDir, lang.Code, r))
		}
	}
}

// RelPath returns p relative to its language folder: content/en/day-01-x/a.md -> day-01-x/a.md.
func RelPath(lang, p string) string {
	return strings.TrimPrefix(p, path.Join(ContentDir, lang)+"/")
}
