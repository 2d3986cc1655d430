package markdown

import (
	"bufio"
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"

	"playbook/site/markdown/plaintext"
	"playbook/site/markdown/slides"
)

// breakParser is goldmark's thematic break parser, remembering where each break is so that
// the checks of slide breaks can point at it (goldmark keeps no position for breaks).
type breakParser struct{ parser.BlockParser }

func (p breakParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, segment := reader.PeekLine()
	start := segment.Start
	if off := pc.BlockOffset(); off > 0 {
		start += off
	}
	node, state := p.BlockParser.Open(parent, reader, pc)
	if s, ok := pc.Get(stateKey).(*convertState); ok && node != nil {
		s.breaks[node] = start
	}
	return node, state
}

// renderBlocks renders each top-level block of root in turn into buf and returns where each
// one ends. Together they are the whole document's HTML, and a slide is a choice of them.
func (c *Converter) renderBlocks(buf *bytes.Buffer, source []byte, root ast.Node) ([]int, error) {
	w := bufio.NewWriter(buf)
	var ends []int
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := c.md.Renderer().Render(w, source, n); err != nil {
			return nil, err
		}
		ends = append(ends, buf.Len())
	}
	return ends, nil
}

// checkBreak reports a thematic break that cannot split a slide because it is inside
// another block.
func (s *convertState) checkBreak(n *ast.ThematicBreak) {
	if !s.src.SlideBreaks || n.Parent() == nil || n.Parent().Kind() == ast.KindDocument {
		return
	}
	s.diags.Errorf(s.pos(s.breaks[n]), "a slide break (\"---\") inside a list, a quote or a \"::: trainer\" block cannot start a slide; move it out of the block, on a line of its own with blank lines around it")
}

// checkSetext reports a level-2 heading underlined with "---" in a lesson whose "---" lines
// break slides: the author most likely meant a break under a paragraph.
func (s *convertState) checkSetext(h *ast.Heading, offset int, source []byte) {
	if !s.src.SlideBreaks || h.Level != 2 || offset < 0 || offset >= len(source) {
		return
	}
	line := source[bytes.LastIndexByte(source[:offset], '\n')+1:]
	if bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("#")) {
		return // an ATX heading ("## ...")
	}
	s.diags.Errorf(s.pos(offset), "a line \"---\" right under text makes that text a heading, not a slide break; leave a blank line above \"---\" to break the slide, or write the heading as \"## %s\"", plaintext.Of(h, source))
}

// slideInput is what splitting the document into slides needs of the conversion.
func (s *convertState) slideInput(r renderer.Renderer) slides.Input {
	return slides.Input{Renderer: r, Source: s.src.Body, Breaks: s.src.SlideBreaks, BreakAt: s.breaks,
		Minutes: s.minutes, Nested: s.nested, Elsewhere: s.elsewhere, Pos: s.pos, Diags: s.diags}
}
