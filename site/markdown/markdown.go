// Package markdown renders lesson bodies: goldmark with GFM, footnotes, definition lists,
// typographer and CJK line breaks, plus what the lesson format adds: stable heading anchors in
// any script (package anchor), "::: trainer" facilitator notes and {minutes=N} section timings
// (package syntax), relative links to source files rewritten to output URLs and checked
// (package links), and a lesson split into slides (package slides).
package markdown

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"playbook/site/diag"
	"playbook/site/markdown/anchor"
	"playbook/site/markdown/links"
	"playbook/site/markdown/nesting"
	"playbook/site/markdown/plaintext"
	"playbook/site/markdown/position"
	"playbook/site/markdown/slides"
	"playbook/site/markdown/syntax"
)

// Options configures a Converter.
type Options struct {
	// Unsafe lets raw HTML through. Dangerous link schemes are refused either way.
	Unsafe bool
	// Trainer keeps facilitator notes and section timings; without it they are removed from
	// the document before rendering, so not a trace reaches the page.
	Trainer bool
	// Labels are the interface words in the page's language.
	Labels Labels
}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md   goldmark.Markdown
	opts Options
	bufs sync.Pool
}

// New returns a Converter for opts.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(syntax.Renderer{Labels: opts.Labels}, 500)),
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	c := &Converter{opts: opts}
	c.md = goldmark.New(
		goldmark.WithExtensions(
			// GFM, with table alignment as align attributes: style attributes would break
			// the pages' Content-Security-Policy (style-src 'self').
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
			extension.CJK,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithBlockParsers(
				util.Prioritized(syntax.ContainerParser{}, 50),
				// Just before goldmark's own thematic break parser (200), which it wraps.
				util.Prioritized(breakParser{parser.NewThematicBreakParser()}, 199),
			),
			parser.WithASTTransformers(util.Prioritized(lessonTransformer{trainer: opts.Trainer}, 100)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	c.bufs.New = func() any { return new(bytes.Buffer) }
	return c
}

// Source is one Markdown body to convert.
type Source struct {
	// Path is the file's path relative to the source root, used for messages and to resolve
	// relative links.
	Path string
	// Body is the Markdown after the front matter.
	Body []byte
	// LineOffset is the number of lines above Body in the file (the front matter).
	LineOffset int
	// Resolver rewrites relative links; nil leaves relative links unchecked.
	Resolver links.Resolver
	// Slides asks for the document split into slides as well (Document.Slides).
	Slides bool
	// SlideBreaks makes thematic breaks ("---") start slides too, and checks them.
	SlideBreaks bool
	// NotesElsewhere resolves links for a second page that prints the trainer notes (a day's
	// trainer pack): with Slides, each slide's notes are rendered for it too
	// (Slide.NotesElsewhere), so their links work from there.
	NotesElsewhere links.Resolver
}

// Heading is a section heading of a document.
type Heading struct {
	Level int
	ID    string
	// Explicit is true when the id was written by hand ({#id}).
	Explicit bool
	Text     string
	Minutes  int
	// Material is the material the section's time is spent on ({material=value-tiers}, or
	// "worksheets/value-tiers" with its kind's folder): the day's plan shows it in the
	// section's slot. The caller checks that it exists.
	Material string
	Pos      diag.Pos
}

// Link is a link to another document's anchor, kept so the caller can check the anchor
// exists once every document is known.
type Link struct {
	Pos      diag.Pos
	Target   string
	Fragment string
}

// Document is a converted Markdown body.
type Document struct {
	HTML []byte
	// Headings lists the headings of level 2 and 3 in order.
	Headings []Heading
	// Anchors holds every heading ID of the document.
	Anchors map[string]bool
	// Links lists the links that carry a #fragment, to be checked by the caller.
	Links []Link
	// Sections is the text of the document split at its level-2 headings, for the search
	// index; the first section (ID "") holds the text before the first heading.
	Sections []Section
	// Slides is the document split into slides, when Source.Slides asked for it.
	Slides []Slide
}

// Slide is one slide of a lesson presented as slides.
type Slide = slides.Slide

// Labels are the interface words the Markdown renderer writes itself, per language.
type Labels = syntax.Labels

// Section is the plain text under one level-2 heading.
type Section struct {
	ID      string
	Heading string
	Text    string
}

// Minutes sums the timings of the document's level-2 sections.
func (d *Document) Minutes() int {
	total := 0
	for _, h := range d.Headings {
		if h.Level == 2 {
			total += h.Minutes
		}
	}
	return total
}

var stateKey = parser.NewContextKey()

// convertState travels through goldmark's parser context to the transformer.
type convertState struct {
	src   Source
	lines *position.Lines
	diags *diag.List
	doc   *Document
	ids   *anchor.IDs
	// breaks holds the source offset of every thematic break (see breakParser).
	breaks map[ast.Node]int
	// minutes holds the planned minutes of every heading that has some.
	minutes map[*ast.Heading]int
	// nested lists the trainer notes kept inside another block (a list, a quote).
	nested []*syntax.Container
	// elsewhere holds, with Source.NotesElsewhere, each link's and image's destination for
	// the other page.
	elsewhere map[ast.Node][]byte
}

func (s *convertState) pos(offset int) diag.Pos {
	line, col := s.lines.LineCol(offset)
	return diag.Pos{Path: s.src.Path, Line: line + s.src.LineOffset, Col: col}
}

// Convert renders src. Problems (bad links, unclosed blocks, bad timings) go to diags.
func (c *Converter) Convert(src Source, diags *diag.List) *Document {
	if !utf8.Valid(src.Body) {
		// Callers pass text checked by package source; goldmark's CJK line breaking panics
		// on broken UTF-8, so anything else is repaired rather than trusted.
		src.Body = bytes.ToValidUTF8(src.Body, []byte("\uFFFD"))
	}
	doc := &Document{Anchors: map[string]bool{}}
	if nesting.TooDeep(src.Path, src.Body, src.LineOffset, diags) {
		return doc
	}
	ids := anchor.NewIDs()
	state := &convertState{src: src, lines: position.NewLines(src.Body), diags: diags, doc: doc, ids: ids,
		breaks: map[ast.Node]int{}, minutes: map[*ast.Heading]int{}}
	if src.NotesElsewhere != nil && src.Slides {
		state.elsewhere = map[ast.Node][]byte{}
	}
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(stateKey, state)
	root := c.md.Parser().Parse(text.NewReader(src.Body), parser.WithContext(pc))
	doc.Sections = sections(root, src.Body)
	buf := c.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	var err error
	if src.Slides {
		var ends []int
		if ends, err = c.renderBlocks(buf, src.Body, root); err == nil {
			doc.Slides = slides.Split(state.slideInput(c.md.Renderer()), root, buf.Bytes(), ends)
		}
	} else {
		err = c.md.Renderer().Render(buf, src.Body, root)
	}
	if err != nil {
		diags.Errorf(diag.Pos{Path: src.Path}, "cannot render Markdown: %v", err)
	}
	doc.HTML = append([]byte(nil), buf.Bytes()...)
	c.bufs.Put(buf)
	return doc
}

// sections splits the top-level blocks of root at level-2 headings and collects their text.
func sections(root ast.Node, source []byte) []Section {
	out := []Section{{}}
	var b bytes.Buffer
	flush := func() {
		out[len(out)-1].Text = strings.Join(strings.Fields(b.String()), " ")
		b.Reset()
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			flush()
			out = append(out, Section{ID: anchor.HeadingID(h), Heading: plaintext.Of(h, source)})
			continue
		}
		if c, ok := n.(*syntax.Container); ok && c.Name == syntax.SlideBlock {
			continue // the projector's summary of what the section says
		}
		b.WriteString(plaintext.Of(n, source))
		b.WriteByte(' ')
	}
	flush()
	if out[0].Text == "" {
		out = out[1:]
	}
	return out
}

// UnwrapParagraph drops the <p> around HTML that is exactly one paragraph, for a text that
// sits inside other markup (a quiz option, a checklist item).
func UnwrapParagraph(html []byte) []byte {
	trimmed := bytes.TrimSpace(html)
	if bytes.HasPrefix(trimmed, []byte("<p>")) && bytes.HasSuffix(trimmed, []byte("</p>")) &&
		bytes.Count(trimmed, []byte("<p>")) == 1 {
		return trimmed[3 : len(trimmed)-4]
	}
	return html
}

// Text returns the text of the whole document: its sections' headings and texts, one space
// between them.
func (d *Document) Text() string {
	var parts []string
	for _, s := range d.Sections {
		for _, p := range []string{s.Heading, s.Text} {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	return strings.Join(parts, " ")
}
