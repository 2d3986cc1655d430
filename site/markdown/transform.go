package markdown

import (
	"bytes"
	"math"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"playbook/site/markdown/links"
	"playbook/site/markdown/plaintext"
	"playbook/site/markdown/position"
	"playbook/site/markdown/slides"
	"playbook/site/markdown/syntax"
)

// lessonTransformer applies the lesson format to a parsed document: it checks containers,
// takes section timings off the headings, keeps or drops trainer material by edition, collects
// headings, and rewrites links.
type lessonTransformer struct {
	trainer bool
}

func (t lessonTransformer) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(stateKey).(*convertState)
	if state == nil {
		return
	}
	source := reader.Source()
	var drop []ast.Node
	notes := 0 // how many trainer notes the walk is inside
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*syntax.Container); ok && c.Name == syntax.TrainerBlock {
			if entering {
				notes++
			} else {
				notes--
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *syntax.Container:
			t.checkContainer(state, n)
			if n.Name == syntax.TrainerBlock && !t.trainer {
				drop = append(drop, n)
				return ast.WalkSkipChildren, nil
			}
			if n.Parent() != nil && n.Parent().Kind() != ast.KindDocument {
				state.nested = append(state.nested, n)
			}
		case *ast.ThematicBreak:
			state.checkBreak(n)
		case *ast.Heading:
			t.heading(state, n, source)
		case *ast.Link:
			n.Destination = state.rewrite(n, n.Destination, false, source, notes > 0)
		case *ast.Image:
			n.Destination = state.rewrite(n, n.Destination, true, source, notes > 0)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
}

func (t lessonTransformer) checkContainer(state *convertState, n *syntax.Container) {
	pos := state.pos(n.Start)
	if n.Name != syntax.TrainerBlock && n.Name != syntax.SlideBlock {
		state.diags.Errorf(pos, "unknown block \"::: %s\"; the blocks are \"::: trainer\" for facilitator notes and \"::: slide\" for a slide's own text", n.Name)
	}
	if n.Name == syntax.SlideBlock && n.Parent() != nil && n.Parent().Kind() != ast.KindDocument {
		if _, inBlock := n.Parent().(*syntax.Container); !inBlock {
			state.diags.Errorf(pos, "\"::: slide\" inside a list or a quote cannot be a slide; put it on its own, between the section's paragraphs")
		}
	}
	if n.Name == syntax.SlideBlock && state.src.Slides {
		slides.CheckSize(n, state.src.Body, pos, state.diags)
	}
	if !n.Closed {
		state.diags.Errorf(pos, "\"::: %s\" is never closed; add a line \":::\" where the block ends", n.Name)
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*syntax.Container); ok {
			state.diags.Errorf(pos, "\"::: %s\" is inside another ::: block; close the first block before opening the next", n.Name)
			break
		}
	}
}

func (t lessonTransformer) heading(state *convertState, h *ast.Heading, source []byte) {
	offset := position.BlockStart(h)
	if offset < 0 {
		// An empty heading ("##") has no text lines; point at the line before its successor.
		offset = position.InlineOffset(source, h, nil)
	}
	minutes, material := 0, ""
	var keep []ast.Attribute
	for _, a := range h.Attributes() {
		if string(a.Name) == "material" {
			if v, ok := a.Value.([]byte); ok && len(v) > 0 && h.Level == 2 {
				material = string(v)
			} else {
				state.diags.Errorf(state.pos(offset), "material names the quiz, checklist or worksheet a level-2 section's time is spent on, e.g. {material=value-tiers} or {material=\"worksheets/value-tiers\"}")
			}
			continue
		}
		if string(a.Name) != "minutes" {
			keep = append(keep, a)
			continue
		}
		f, ok := a.Value.(float64)
		if !ok || f < 0 || f > 600 || f != math.Trunc(f) {
			state.diags.Errorf(state.pos(offset), "minutes must be a whole number of minutes from 0 to 600, e.g. {minutes=15}")
			continue
		}
		minutes = int(f)
	}
	h.RemoveAttributes()
	for _, a := range keep {
		h.SetAttribute(a.Name, a.Value)
	}
	id := ""
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	state.doc.Anchors[id] = true
	if minutes > 0 {
		state.minutes[h] = minutes
	}
	state.checkSetext(h, offset, source)
	if h.Level == 2 || h.Level == 3 {
		state.doc.Headings = append(state.doc.Headings, Heading{
			Level: h.Level, ID: id, Explicit: state.ids.Explicit(id), Text: plaintext.Of(h, source), Minutes: minutes, Material: material, Pos: state.pos(offset),
		})
	}
	if minutes > 0 && t.trainer {
		h.AppendChild(h, &syntax.Timing{Minutes: minutes})
	}
}

// rewrite checks one link or image destination, reports its problems, keeps the anchor it
// points at for the caller to check, and returns what to write into the page. A link in
// trainer notes also gets its destination for the page of Source.NotesElsewhere.
func (s *convertState) rewrite(n ast.Node, dest []byte, image bool, source []byte, inNotes bool) []byte {
	if s.elsewhere != nil && inNotes {
		s.elsewhere[n] = s.rewriteElsewhere(dest, image)
	}
	res := links.Rewrite(s.src.Path, dest, image, s.src.Resolver)
	if len(res.Problems) == 0 && res.Anchor == nil {
		return res.Dest
	}
	pos := s.pos(position.InlineOffset(source, n, dest))
	for _, p := range res.Problems {
		s.diags.Errorf(pos, "%s", p)
	}
	if a := res.Anchor; a != nil {
		s.doc.Links = append(s.doc.Links, Link{Pos: pos, Target: a.Target, Fragment: a.Fragment})
	}
	return res.Dest
}

// rewriteElsewhere returns what to write for dest on the page of Source.NotesElsewhere: the
// same target, from there; an anchor of this page leads back to this page. Problems are
// reported once, by rewrite.
func (s *convertState) rewriteElsewhere(dest []byte, image bool) []byte {
	res := links.Rewrite(s.src.Path, dest, image, s.src.NotesElsewhere)
	if a := res.Anchor; a != nil && a.Target == s.src.Path {
		if page, ok := s.src.NotesElsewhere.ResolveLink(s.src.Path, false); ok {
			return append([]byte(page), bytes.TrimSpace(dest)...)
		}
	}
	return res.Dest
}
