// Package syntax holds what the lesson format adds to Markdown's syntax tree: "::: name"
// containers (trainer notes, slide blocks) with their block parser, timing badges, and the
// renderer of both.
package syntax

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TrainerBlock is the fenced container of facilitator notes: "::: trainer" opens them, a line
// ":::" closes them.
const TrainerBlock = "trainer"

// SlideBlock is the fenced container of a slide's own text: "::: slide" ... ":::" inside a
// section is what the projector shows; the section's other text becomes the presenter's
// script. The reading page leaves it out.
const SlideBlock = "slide"

// KindContainer is the node kind of a "::: name" ... ":::" block.
var KindContainer = ast.NewNodeKind("Container")

// Container is a "::: name" ... ":::" block holding Markdown.
type Container struct {
	ast.BaseBlock
	// Name is the word after ":::".
	Name string
	// Start is the source offset of the opening line, for positions in messages.
	Start int
	// Closed is set once the closing ":::" line is seen.
	Closed bool
}

// Kind implements ast.Node.
func (n *Container) Kind() ast.NodeKind { return KindContainer }

// Dump implements ast.Node.
func (n *Container) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// KindTiming is the node kind of a section's timing badge.
var KindTiming = ast.NewNodeKind("Timing")

// Timing shows a section's planned minutes next to its heading (trainer edition only).
type Timing struct {
	ast.BaseInline
	Minutes int
}

// Kind implements ast.Node.
func (n *Timing) Kind() ast.NodeKind { return KindTiming }

// Dump implements ast.Node.
func (n *Timing) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Minutes": fmt.Sprint(n.Minutes)}, nil)
}

// ContainerParser parses "::: name" ... ":::" blocks into Containers.
type ContainerParser struct{}

// Trigger implements parser.BlockParser.
func (ContainerParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.
func (ContainerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || !bytes.HasPrefix(line[pos:], []byte(":::")) {
		return nil, parser.NoChildren
	}
	name := util.TrimRightSpace(util.TrimLeftSpace(line[pos+3:]))
	if len(name) == 0 || bytes.ContainsAny(name, " \t:{}") {
		return nil, parser.NoChildren
	}
	node := &Container{Name: string(name), Start: segment.Start + pos}
	reader.AdvanceToEOL()
	return node, parser.HasChildren
}

// Continue implements parser.BlockParser.
func (ContainerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		if rest := line[pos:]; bytes.HasPrefix(rest, []byte(":::")) && util.IsBlank(rest[3:]) {
			node.(*Container).Closed = true
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (ContainerParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (ContainerParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (ContainerParser) CanAcceptIndentedLine() bool { return false }

// Labels are the interface words the Markdown renderer writes itself, per language.
type Labels struct {
	// TrainerNotes heads a block of facilitator notes.
	TrainerNotes string
	// Minutes formats a section timing; it holds one %d.
	Minutes string
}

// Renderer renders Containers (trainer notes framed and labelled, slide blocks left out) and
// Timings, in the words of Labels.
type Renderer struct {
	Labels Labels
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindContainer, r.renderContainer)
	reg.Register(KindTiming, r.renderTiming)
}

func (r Renderer) renderContainer(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if node.(*Container).Name == SlideBlock {
		return ast.WalkSkipChildren, nil // for the projector only (see package slides)
	}
	if entering {
		_, _ = w.WriteString(`<aside class="trainer-notes"><p class="trainer-notes-label">`)
		_, _ = w.Write(util.EscapeHTML([]byte(r.Labels.TrainerNotes)))
		_, _ = w.WriteString("</p>\n")
	} else {
		_, _ = w.WriteString("</aside>\n")
	}
	return ast.WalkContinue, nil
}

func (r Renderer) renderTiming(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(` <span class="timing">`)
		_, _ = w.Write(util.EscapeHTML([]byte(fmt.Sprintf(r.Labels.Minutes, node.(*Timing).Minutes))))
		_, _ = w.WriteString(`</span>`)
	}
	return ast.WalkSkipChildren, nil
}
