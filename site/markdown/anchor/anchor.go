// Package anchor gives headings their anchors: a slug that keeps the letters and digits of any
// script, made unique within a document.
package anchor

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// Slug turns heading text into a stable anchor: letters and digits of any script are kept
// (lower-cased), spaces, hyphens and underscores become one hyphen, other punctuation is
// dropped. Chinese headings keep their characters, so "四个阶段" stays "四个阶段".
// Full-width letters and digits are folded to their ASCII forms first.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		r = foldWidth(r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
	}
	return b.String()
}

// foldWidth maps full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space to
// their half-width forms.
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + 0x21
	case r == 0x3000:
		return ' '
	}
	return r
}

// IDs gives every heading of one document a unique anchor: the first "overview" is
// "overview", the next "overview-1", and so on. Explicit {#id} attributes are reserved first.
// It implements goldmark's parser.IDs.
type IDs struct {
	used map[string]bool
	// explicit holds the ids written by hand ({#id}).
	explicit map[string]bool
}

// NewIDs returns the IDs of a document with no heading yet.
func NewIDs() *IDs {
	return &IDs{used: map[string]bool{}, explicit: map[string]bool{}}
}

// Generate implements parser.IDs.
func (s *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(stripInlineMarkup(string(value)))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs; goldmark calls it for ids written by hand.
func (s *IDs) Put(value []byte) {
	s.used[string(value)] = true
	s.explicit[string(value)] = true
}

// Explicit reports whether id was written by hand ({#id}).
func (s *IDs) Explicit(id string) bool { return s.explicit[id] }

// stripInlineMarkup drops the destination part of inline links, "[text](dest)" -> "text", so
// anchors follow what the reader sees.
func stripInlineMarkup(s string) string {
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// HeadingID returns the id attribute of h, or "".
func HeadingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if bs, ok := v.([]byte); ok {
			return string(bs)
		}
	}
	return ""
}
