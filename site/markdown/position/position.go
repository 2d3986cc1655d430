// Package position finds where the nodes of a goldmark document are in its source: the byte
// offsets of blocks and of inline text, and the line and column of an offset.
package position

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Lines maps byte offsets of a source to 1-based line and rune column.
type Lines struct {
	src    []byte
	starts []int
}

// NewLines indexes the lines of src.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

// LineCol returns the 1-based line and column (counted in characters) of offset.
func (x *Lines) LineCol(offset int) (int, int) {
	offset = max(0, min(offset, len(x.src)))
	lo, hi := 0, len(x.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if x.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCount(x.src[x.starts[lo]:offset]) + 1
}

// BlockStart returns the source offset where the nearest block ancestor of n (or n itself)
// starts, or -1 when none carries lines.
func BlockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock || n.Type() == ast.TypeDocument {
			if l := n.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start
			}
		}
	}
	return -1
}

// InlineOffset finds where needle occurs in the block that holds n; it falls back to the
// block's start, then to the start of the source.
func InlineOffset(src []byte, n ast.Node, needle []byte) int {
	start := BlockStart(n)
	if start < 0 {
		// Inline nodes inside containers (lists, quotes, tables) find their block through
		// the first child that has lines.
		start = firstLineStart(n)
	}
	if start < 0 {
		start = 0
	}
	if len(needle) > 0 {
		if i := bytes.Index(src[start:], needle); i >= 0 {
			return start + i
		}
	}
	return start
}

// firstLineStart returns where the first block with lines among the children of n or of an
// ancestor starts, or -1.
func firstLineStart(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock {
				if l := c.Lines(); l != nil && l.Len() > 0 {
					return l.At(0).Start
				}
			}
		}
	}
	return -1
}
