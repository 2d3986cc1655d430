// Package material is the one shape of course material: the quizzes, checklists and
// worksheets (and any kind added later) that a course keeps as YAML files beside its lessons.
// Each kind is one package that implements Material and describes itself in a Kind; the
// course loads every registered kind the same way and the pipeline gives each material its
// page, its search documents, its place on its day's page, in the schedule and in the
// handout packs, without knowing which kind it is.
package material

import (
	"html"
	"html/template"
	"regexp"
	"strings"

	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// Material is one loaded material file.
type Material interface {
	// Meta says what the material is and where it belongs.
	Meta() Meta
	// View prepares what the kind's template shows, in one language, for a page of its own
	// or a day's handout pack (Context.Pack). It returns nil when the material has nothing
	// to show there (a checklist in the trainer's pack).
	View(c Context) View
}

// Meta is what every material has.
type Meta struct {
	// Kind is the material's kind.
	Kind *Kind
	// ID names the material; it is unique within its kind and is its page's file name.
	ID string
	// Day is the course day the material belongs to.
	Day int
	// Title is the material's title in every language.
	Title strictyaml.Text
	// Path is the source file, relative to the course root (quizzes/day-01.yaml).
	Path string
	// Minutes is the class time the material takes on its day's timetable; 0 when it has
	// no slot of its own (a timed exam has one).
	Minutes int
}

// Context is what a material needs to prepare a view.
type Context struct {
	// Lang is the language of the page.
	Lang string
	// Render turns the material's texts into HTML for the page and resolves lesson sources.
	Render Renderer
	// Trainer is true in the trainer edition.
	Trainer bool
	// Pack is true when the material is printed inside a day's handout pack.
	Pack bool
}

// Renderer turns a material's texts into HTML for one page in one language.
type Renderer interface {
	// Markdown renders a text; inline drops the paragraph around a one-paragraph text.
	Markdown(t strictyaml.Text, inline bool) template.HTML
	// SourceLink returns the URL and title of a lesson section, or "" when it is unknown.
	SourceLink(s *lessonref.Ref) (url, title string)
	// Text returns the text a reader sees in a text's Markdown, for search: words, without
	// markup, one space between blocks; "" for an absent text.
	Text(t strictyaml.Text) string
}

// View is a material prepared for a page: the value its kind's template shows.
type View interface {
	// Search returns the sections a search finds on the page, in page order.
	Search() []Section
}

// Section is a searchable part of a material's page: the whole page (Anchor "") or one
// part of it (a quiz question).
type Section struct {
	Anchor  string
	Heading string
	Text    string
}

// Ref is a lesson section a material points at, for the build to check.
type Ref struct {
	// Ref is the section; nil when the material gives none.
	Ref *lessonref.Ref
	// Pos is where the pointing part is, for a missing Ref.
	Pos diag.Pos
	// Want is the sentence that asks for the missing Ref, or "" when none is needed.
	Want string
}

// Referrer is a material that points at lesson sections (quiz questions, checklist items).
type Referrer interface {
	Refs() []Ref
}

// Graded is a material whose page scores a learner against a pass mark (a quiz). Outputs
// that report results, such as an LMS package, ask for it instead of asking for a kind.
type Graded interface {
	// Grading returns the pass mark in percent, and whether the material's page scores the
	// learner in the given edition (a page without the answer key does not).
	Grading(trainer bool) (passMark int, scores bool)
}

// Of returns the materials of type T, in order: material.Of[*quiz.Quiz](c.Materials).
func Of[T Material](ms []Material) []T {
	var out []T
	for _, m := range ms {
		if x, ok := m.(T); ok {
			out = append(out, x)
		}
	}
	return out
}

var htmlTags = regexp.MustCompile(`<[^>]*>`)

// PlainText returns the text of rendered HTML, for search texts and places that take no
// markup.
func PlainText(h template.HTML) string {
	return strings.TrimSpace(html.UnescapeString(htmlTags.ReplaceAllString(string(h), "")))
}
