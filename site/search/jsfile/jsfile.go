// Package jsfile writes the search index's files: scripts that call the page's loader
// (Playbook.searchLoad), since a page opened from file:// may load scripts but not fetch
// files, with the JSON strings and numbers of the index written directly where they can be.
package jsfile

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SnippetRunes is how much of a document's text the index keeps for result snippets.
const SnippetRunes = 200

// AppendTF appends a term weight as the shortest decimal that reads back as the same float32,
// as strconv.AppendFloat(buf, tf, 'f', -1, 32) does, but quicker for the two-decimal values of
// the index (below 10,000; larger ones take the general path).
func AppendTF(buf []byte, tf float32) []byte {
	cents := math.Round(float64(tf) * 100)
	if tf < 0 || cents >= 1e6 || float32(cents/100) != tf {
		return strconv.AppendFloat(buf, float64(tf), 'f', -1, 32)
	}
	c := int64(cents)
	buf = strconv.AppendInt(buf, c/100, 10)
	if frac := c % 100; frac != 0 {
		buf = append(buf, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			buf = append(buf, byte('0'+frac%10))
		}
	}
	return buf
}

// String quotes s as a JSON string without escaping HTML characters.
func String(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// AppendString appends String(s): directly when s needs no escape (valid UTF-8, no
// quote, backslash, control character, U+2028 or U+2029), through the encoder otherwise.
func AppendString(buf []byte, s string) []byte {
	high := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' {
			return append(buf, String(s)...)
		}
		high = high || c >= 0x80
	}
	if high && !plainUTF8(s) {
		return append(buf, String(s)...)
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}

// plainUTF8 reports whether s is valid UTF-8 without U+2028 or U+2029, which JSON encoders
// escape.
func plainUTF8(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, '\u2028') && !strings.ContainsRune(s, '\u2029')
}

// Loader wraps data in a call the page script defines, so a file loads with a script tag
// (fetch of local files is blocked under file://).
func Loader(data any) []byte {
	var buf bytes.Buffer
	buf.WriteString("Playbook.searchLoad(")
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(data)
	b := bytes.TrimRight(buf.Bytes(), "\n")
	return append(b, ");\n"...)
}

// AppendSnippet appends, as a JSON string, the start of a document's text that the index
// keeps for result snippets: its first SnippetRunes characters, and an ellipsis when there is
// more. It looks at each character once; text that needs escapes goes through the encoder.
func AppendSnippet(buf []byte, s string) []byte {
	end, count, plain := len(s), 0, true
	for i, r := range s {
		if count == SnippetRunes {
			end = i
			break
		}
		count++
		if r < 0x20 || r == '"' || r == '\\' || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			plain = false
		}
	}
	text := s[:end]
	if end < len(s) {
		text = strings.TrimSpace(text) + "…"
	}
	if !plain {
		return append(buf, String(text)...)
	}
	buf = append(buf, '"')
	buf = append(buf, text...)
	return append(buf, '"')
}
