// Package lesson reads lesson files and day files: YAML front matter between "---" lines,
// checked strictly, then a Markdown body.
package lesson

import (
	"bytes"
	"path"
	"strconv"
	"strings"

	"playbook/site/diag"
	"playbook/site/strictyaml"

	"go.yaml.in/yaml/v3"
)

// Lesson is one lesson file.
type Lesson struct {
	// Path is the file's path from the course root, e.g. content/en/day-01-x/01-y.md.
	Path string
	// Slug is the file name without extension and numeric prefix: "01-what-crm-means.md" -> "what-crm-means".
	Slug       string
	Title      string
	Summary    string
	Day        int
	Order      int
	Duration   int
	Objectives []string
	Draft      bool
	// SlideBreaks is set by "slides: breaks": a thematic break (a line "---") in the body
	// starts a new slide of the lesson's presentation, besides its level-2 headings.
	SlideBreaks bool
	// Body is the Markdown below the front matter; BodyLine is how many lines precede it.
	Body     []byte
	BodyLine int
}

// Day is a day folder's _index.md: its title, theme and introduction.
type Day struct {
	Path     string
	Title    string
	Summary  string
	Body     []byte
	BodyLine int
}

// DayFile is the name of the file that describes a day folder.
const DayFile = "_index.md"

var lessonKeys = []string{"title", "summary", "day", "order", "duration", "objectives", "draft", "slides"}

// Slide split modes of the "slides" front matter key.
const (
	// SlidesHeadings, the default, starts a slide at every level-2 heading.
	SlidesHeadings = "headings"
	// SlidesBreaks also starts one at every thematic break ("---" alone on a line).
	SlidesBreaks = "breaks"
)

// Parse reads a lesson from its normalised text. Problems go to diags; the lesson is returned
// whenever its front matter could be read at all, so later checks can still run.
func Parse(filePath string, text []byte, diags *diag.List) *Lesson {
	fm, body, bodyLine, ok := split(filePath, text, diags)
	if !ok {
		return nil
	}
	l := &Lesson{Path: filePath, Slug: SlugOf(filePath), Body: body, BodyLine: bodyLine}
	d := &strictyaml.Decoder{Path: filePath, LineOffset: 1, Diags: diags}
	root := d.Parse(fm)
	f := d.Mapping(root, "front matter", lessonKeys...)
	l.Title = requiredTitle(d, root, f)
	l.Summary, _ = d.String(f, "summary")
	l.Day, _ = d.Int(f, "day", 1, 10)
	if order, ok := d.Int(f, "order", 0, 999); ok {
		l.Order = order
	} else {
		l.Order = numericPrefix(filePath)
	}
	l.Duration, _ = d.Int(f, "duration", 1, 600)
	l.Objectives, _ = d.Strings(f, "objectives")
	l.Draft, _ = d.Bool(f, "draft")
	if mode, ok := d.String(f, "slides"); ok {
		switch mode {
		case SlidesHeadings:
		case SlidesBreaks:
			l.SlideBreaks = true
		default:
			d.Errorf(f["slides"].Value, "slides must be %q (a slide per level-2 heading, the default) or %q (also a slide at every line \"---\"), found %q", SlidesHeadings, SlidesBreaks, mode)
		}
	}
	for i, o := range l.Objectives {
		if strings.TrimSpace(o) == "" {
			d.Errorf(f["objectives"].Value, "objective %d is empty; write what the learner will be able to do", i+1)
		}
	}
	return l
}

// ParseDay reads a day file.
func ParseDay(filePath string, text []byte, diags *diag.List) *Day {
	fm, body, bodyLine, ok := split(filePath, text, diags)
	if !ok {
		return nil
	}
	d := &strictyaml.Decoder{Path: filePath, LineOffset: 1, Diags: diags}
	root := d.Parse(fm)
	f := d.Mapping(root, "front matter", "title", "summary")
	day := &Day{Path: filePath, Body: body, BodyLine: bodyLine}
	day.Title = requiredTitle(d, root, f)
	day.Summary, _ = d.String(f, "summary")
	return day
}

func requiredTitle(d *strictyaml.Decoder, root *yaml.Node, f map[string]strictyaml.Field) string {
	title, ok := d.String(f, "title")
	if _, present := f["title"]; !present {
		d.Errorf(root, "front matter has no title; add a line \"title: ...\"")
	} else if ok && strings.TrimSpace(title) == "" {
		d.Errorf(f["title"].Value, "title is empty; give the page a title")
	}
	return strings.TrimSpace(title)
}

// split separates the front matter from the body. The file must start with a line "---" and
// the front matter ends at the next line "---".
func split(filePath string, text []byte, diags *diag.List) (fm, body []byte, bodyLine int, ok bool) {
	if !bytes.HasPrefix(text, []byte("---\n")) && !bytes.Equal(text, []byte("---")) {
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1},
			"missing front matter; start the file with a line \"---\", then lines like \"title: ...\", then a line \"---\"")
		return nil, nil, 0, false
	}
	var rest []byte
	if len(text) > 4 {
		rest = text[4:]
	}
	for off, line := 0, 2; off <= len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		var cur []byte
		if end < 0 {
			cur = rest[off:]
		} else {
			cur = rest[off : off+end]
		}
		if string(bytes.TrimRight(cur, " \t")) == "---" {
			next := off + len(cur) + 1
			if next > len(rest) {
				next = len(rest)
			}
			return rest[:off], rest[next:], line, true
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "front matter is never closed; add a line \"---\" after the last front matter line")
	return nil, nil, 0, false
}

// SlugOf returns the slug of a lesson file: its base name without extension and without a
// leading number and hyphen.
func SlugOf(filePath string) string {
	base := strings.TrimSuffix(path.Base(filePath), path.Ext(filePath))
	i := 0
	for i < len(base) && base[i] >= '0' && base[i] <= '9' {
		i++
	}
	if i > 0 && i < len(base) && (base[i] == '-' || base[i] == '_') && i+1 < len(base) {
		base = base[i+1:]
	}
	return strings.ToLower(base)
}

func numericPrefix(filePath string) int {
	base := path.Base(filePath)
	i := 0
	for i < len(base) && base[i] >= '0' && base[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(base[:i])
	return n
}
