// Package nesting refuses Markdown nested too deep (lists, quotes) before the parser sees it:
// the parser's time grows with the cube of the depth.
package nesting

import (
	"bytes"

	"playbook/site/diag"
	"playbook/site/markdown/position"
)

// MaxIndent is the most columns a line of Markdown may be indented, or nested in quotes
// (each ">" counts as two): lists and quotes nested deeper cost the Markdown parser time that
// grows with the cube of the depth (2,000 levels take seconds), and no lesson needs it.
const MaxIndent = 120

// TooDeep reports, with their positions, the first lines of body indented or quoted more than
// MaxIndent columns, in one pass over the text, and says whether there were any. path and
// lineOffset (the lines above body in the file) place the messages.
func TooDeep(path string, body []byte, lineOffset int, diags *diag.List) bool {
	lines := position.NewLines(body)
	found := 0
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		width := 0
	scan:
		for _, c := range body[start:end] {
			switch c {
			case ' ':
				width++
			case '\t':
				width += 4 - width%4
			case '>':
				width += 2
			default:
				break scan
			}
			if width > MaxIndent {
				break
			}
		}
		if width > MaxIndent {
			if found++; found <= 3 {
				line, col := lines.LineCol(start)
				diags.Errorf(diag.Pos{Path: path, Line: line + lineOffset, Col: col},
					"this line is indented or quoted more than %d columns deep: lists or quotes nested this far take the build a long time and no reader can follow them; flatten them", MaxIndent)
			}
		}
		start = end + 1
	}
	return found > 0
}
