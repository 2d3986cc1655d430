// Package slides splits a converted lesson into slides: at its level-2 headings, at its
// thematic breaks when asked, and around its "::: slide" blocks, with each slide's trainer
// notes and presenter's script; and it checks that a slide fits a projected screen.
package slides

import (
	"bufio"
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"

	"playbook/site/diag"
	"playbook/site/markdown/anchor"
	"playbook/site/markdown/plaintext"
	"playbook/site/markdown/position"
	"playbook/site/markdown/syntax"
)

// Slide is one slide of a lesson presented as slides. A lesson is split at its level-2
// headings and, with breaks asked for, at its thematic breaks; the blocks before the first
// heading make the title slide (Slides[0], which has no heading).
type Slide struct {
	// Heading is the plain text of the section's level-2 heading; "" before the first one.
	Heading string
	// ID is the anchor of that heading.
	ID string
	// Minutes is the section's planned time ({minutes=N}), on every slide of the section.
	Minutes int
	// Continued is set when the slide starts at a break inside its section, so its body does
	// not begin with the heading.
	Continued bool
	// HeadingHTML is the section's heading, without the timing badge (which is for the
	// trainer's eyes, not the room's); empty on the title slide and on a Continued slide.
	HeadingHTML []byte
	// HTML is the slide's body: the blocks up to the next slide, without the trainer notes.
	HTML []byte
	// Notes holds the trainer notes of the slide's blocks, without their frame and label; it
	// is empty in the learner edition, whose notes are dropped before rendering.
	Notes []byte
	// NotesElsewhere are the same notes with their links made for the page of
	// a second page (Input.Elsewhere); nil without one.
	NotesElsewhere []byte
	// Authored is set when the slide shows a "::: slide" block; Script then holds the
	// section's text that goes with it, for the presenter to speak to (both editions).
	Authored bool
	Script   []byte
}

// Input is what the conversion of a document learnt that splitting it needs.
type Input struct {
	// Renderer renders the document's nodes.
	Renderer renderer.Renderer
	// Source is the Markdown the tree was parsed from.
	Source []byte
	// Breaks makes thematic breaks start slides.
	Breaks bool
	// BreakAt holds the source offset of every thematic break.
	BreakAt map[ast.Node]int
	// Minutes holds the planned minutes of every heading that has some.
	Minutes map[*ast.Heading]int
	// Nested lists the trainer notes kept inside another block (a list, a quote).
	Nested []*syntax.Container
	// Elsewhere holds each link's and image's destination for a second page that prints the
	// trainer notes; nil without one.
	Elsewhere map[ast.Node][]byte
	// Pos turns a source offset into a position for messages.
	Pos func(offset int) diag.Pos
	// Diags receives the problems found.
	Diags *diag.List
}

// slideSplitter groups the rendered blocks of a document into slides.
type slideSplitter struct {
	in     Input
	r      renderer.Renderer
	source []byte
	w      *bufio.Writer
	buf    bytes.Buffer
	slides []Slide
	// empty is the offset of the break that opened the current slide while the slide has no
	// block yet, else -1.
	empty int
}

// Split returns the slides of the top-level blocks of root, whose HTML is html, each block
// ending at the matching offset of ends. In a section with "::: slide" blocks, each
// block is a slide and the section's other blocks are the script of the slide before them
// (of the first, before the first block).
func Split(in Input, root ast.Node, html []byte, ends []int) []Slide {
	s := &slideSplitter{in: in, r: in.Renderer, source: in.Source, slides: []Slide{{}}, empty: -1}
	s.w = bufio.NewWriter(&s.buf)
	nested := nestedNotes(in.Nested, root)
	authored := authoredSections(root)
	section := 0
	pending := authored[0] // the section's first slide block is still to come
	start := 0
	i := 0
	for n := root.FirstChild(); n != nil; n, i = n.NextSibling(), i+1 {
		chunk := html[start:ends[i]]
		start = ends[i]
		cur := &s.slides[len(s.slides)-1]
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				s.closeSlide()
				section++
				pending = authored[section]
				s.slides = append(s.slides, Slide{Heading: plaintext.Of(n, s.source), ID: anchor.HeadingID(n), Minutes: in.Minutes[n], Authored: pending})
				s.slides[len(s.slides)-1].HeadingHTML = s.withoutTiming(n, chunk)
				continue
			}
		case *ast.ThematicBreak:
			if in.Breaks && !authored[section] {
				s.closeSlide()
				s.slides = append(s.slides, Slide{Heading: cur.Heading, ID: cur.ID, Minutes: cur.Minutes, Continued: true})
				s.empty = in.BreakAt[n]
				continue
			}
		case *syntax.Container:
			if n.Name == syntax.SlideBlock {
				body := s.render(n.FirstChild(), nil)
				if pending {
					cur.Authored, cur.HTML, pending = true, body, false
				} else {
					s.slides = append(s.slides, Slide{Heading: cur.Heading, ID: cur.ID, Minutes: cur.Minutes, Continued: true, Authored: true, HTML: body})
				}
				continue
			}
			s.addNotes(cur, n)
			continue
		}
		s.empty = -1
		if notes := nested[n]; len(notes) > 0 {
			chunk = s.withoutNotes(n, notes, cur)
		}
		if authored[section] {
			cur.Script = append(cur.Script, chunk...)
		} else {
			cur.HTML = append(cur.HTML, chunk...)
		}
	}
	s.closeSlide()
	return s.slides
}

// authoredSections tells, for the part before the first level-2 heading (0) and each
// section after it (1, 2...), whether it holds a "::: slide" block.
func authoredSections(root ast.Node) map[int]bool {
	out := map[int]bool{}
	section := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				section++
			}
		case *syntax.Container:
			if n.Name == syntax.SlideBlock {
				out[section] = true
			}
		}
	}
	return out
}

// Slide sizes that still read from the back of a room at 1,280 x 720: above them, check
// warns.
const (
	// SlideWords is the most words on a slide (a CJK character counts half a word).
	SlideWords = 60
	// SlidePoints is the most list items on a slide.
	SlidePoints = 7
	// SlideRows is the most table rows on a slide, the heading row included.
	SlideRows = 7
)

// CheckSize warns about a "::: slide" block n, parsed from source, with more text than a
// projected slide holds.
func CheckSize(n *syntax.Container, source []byte, pos diag.Pos, diags *diag.List) {
	words, points, rows := 0.0, 0, 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindListItem:
			points++
		case east.KindTableRow, east.KindTableHeader:
			rows++
		}
		return ast.WalkContinue, nil
	})
	for _, r := range plaintext.Of(n, source) {
		if tokenizeCJK(r) {
			words += 0.5
		}
	}
	words += float64(len(strings.FieldsFunc(plaintext.Of(n, source), func(r rune) bool { return unicode.IsSpace(r) || tokenizeCJK(r) })))
	switch {
	case words > SlideWords:
		diags.Warnf(pos, "this slide holds about %d words, more than the %d that read from the back of a room; keep up to six short points and move the rest to the section's text, which the presenter sees as the script", int(words+0.5), SlideWords)
	case points > SlidePoints:
		diags.Warnf(pos, "this slide has %d points, more than %d fit a projected slide; split it into two \"::: slide\" blocks or shorten the list", points, SlidePoints)
	case rows > SlideRows:
		diags.Warnf(pos, "this slide's table has %d rows, more than %d fit a projected slide; keep the key rows and leave the full table to the reading page", rows, SlideRows)
	}
}

// tokenizeCJK reports whether r is a Han, kana or Hangul character.
func tokenizeCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// closeSlide reports a break that left its slide empty.
func (s *slideSplitter) closeSlide() {
	if s.empty >= 0 {
		s.in.Diags.Errorf(s.in.Pos(s.empty), "this slide break makes an empty slide: nothing follows it before the next heading, break or the end of the lesson; remove the line \"---\"")
	}
	s.empty = -1
}

// render renders the sibling blocks from first up to (not including) stop.
func (s *slideSplitter) render(first, stop ast.Node) []byte {
	s.buf.Reset()
	for n := first; n != nil && n != stop; n = n.NextSibling() {
		if err := s.r.Render(s.w, s.source, n); err != nil {
			s.in.Diags.Errorf(s.in.Pos(max(0, position.BlockStart(n))), "cannot render Markdown: %v", err)
		}
	}
	return append([]byte(nil), s.buf.Bytes()...)
}

// withoutTiming renders a heading without its timing badge.
func (s *slideSplitter) withoutTiming(h *ast.Heading, chunk []byte) []byte {
	t, ok := h.LastChild().(*syntax.Timing)
	if !ok {
		return append([]byte(nil), chunk...)
	}
	h.RemoveChild(h, t)
	html := s.render(h, h.NextSibling())
	h.AppendChild(h, t)
	return html
}

// withoutNotes renders block n without the trainer notes nested in it (in a list or a quote),
// and adds those notes to the slide's.
func (s *slideSplitter) withoutNotes(n ast.Node, notes []*syntax.Container, cur *Slide) []byte {
	type place struct{ parent, next ast.Node }
	places := make([]place, len(notes))
	for i, c := range notes {
		places[i] = place{c.Parent(), c.NextSibling()}
		c.Parent().RemoveChild(c.Parent(), c)
	}
	html := s.render(n, n.NextSibling())
	for i := len(notes) - 1; i >= 0; i-- {
		c, p := notes[i], places[i]
		if p.next != nil {
			p.parent.InsertBefore(p.parent, p.next, c)
		} else {
			p.parent.AppendChild(p.parent, c)
		}
		s.addNotes(cur, c)
	}
	return html
}

// addNotes adds the notes of c to the slide, and, with a second page that prints them, the
// notes rendered with the links for that page.
func (s *slideSplitter) addNotes(cur *Slide, c *syntax.Container) {
	cur.Notes = append(cur.Notes, s.render(c.FirstChild(), nil)...)
	if s.in.Elsewhere == nil {
		return
	}
	var swapped []ast.Node
	var kept [][]byte
	_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if dest, ok := s.in.Elsewhere[n]; ok {
			swapped = append(swapped, n)
			kept = append(kept, destination(n))
			setDestination(n, dest)
		}
		return ast.WalkContinue, nil
	})
	cur.NotesElsewhere = append(cur.NotesElsewhere, s.render(c.FirstChild(), nil)...)
	for i, n := range swapped {
		setDestination(n, kept[i])
	}
}

// destination returns the destination of a link or an image.
func destination(n ast.Node) []byte {
	switch n := n.(type) {
	case *ast.Link:
		return n.Destination
	case *ast.Image:
		return n.Destination
	}
	return nil
}

// setDestination sets the destination of a link or an image.
func setDestination(n ast.Node, dest []byte) {
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = dest
	case *ast.Image:
		n.Destination = dest
	}
}

// nestedNotes maps each top-level block of root to the trainer notes nested inside it.
func nestedNotes(notes []*syntax.Container, root ast.Node) map[ast.Node][]*syntax.Container {
	out := map[ast.Node][]*syntax.Container{}
	for _, c := range notes {
		top := ast.Node(c)
		for top.Parent() != nil && top.Parent() != root {
			top = top.Parent()
		}
		out[top] = append(out[top], c)
	}
	return out
}
