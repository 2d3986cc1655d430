// Package plaintext extracts the text a reader sees in a Markdown syntax tree, for headings,
// search documents and slide sizes.
package plaintext

import (
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"

	"playbook/site/markdown/syntax"
)

// Of returns the text a reader sees in n and its descendants.
func Of(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			// Blocks (paragraphs, list items, table cells) are separated by a space.
			if c.Type() == ast.TypeBlock && c != n {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() {
				// The typographer's quotes and dashes come as HTML entities (&rsquo;).
				b.WriteString(stdhtml.UnescapeString(string(t.Value)))
			} else {
				b.Write(t.Value)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			// An inline code span holds its text as children; only blocks keep it as lines
			// (asking an inline node for its lines panics).
			if l := c.Lines(); l != nil {
				for i := 0; i < l.Len(); i++ {
					seg := l.At(i)
					b.Write(seg.Value(source))
				}
			}
		case *syntax.Timing:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
