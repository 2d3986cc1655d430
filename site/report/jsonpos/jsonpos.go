// Package jsonpos decodes JSON into values that remember where they start in the file, so
// that a rule broken deep inside an exported file can be reported at its line and column
// ("answers.sales-map must be a string, at 12:18"). Objects keep their keys in file order.
// A repeated key keeps its last value, as JSON.parse does in the pages that write the files.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// Kind is the JSON type of a value.
type Kind int

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Object
	Array
)

// String names the kind for a message: "a number", "an object".
func (k Kind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an object", "a list"}[k]
}

// Value is a decoded JSON value with the byte offset where it starts.
type Value struct {
	Kind Kind
	// Off is the byte offset of the value's first byte in the decoded data.
	Off  int
	Bool bool
	// Num is a number's value (infinite when too large for a float64, as in JavaScript);
	// Lit is the number as written.
	Num float64
	Lit string
	Str string
	// Keys are an object's keys in file order, each once; Fields its values by key.
	Keys   []string
	Fields map[string]*Value
	Items  []*Value
}

// Get returns the field key of an object, or nil when v is not an object or has no such key.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	return v.Fields[key]
}

// Finite reports whether v is a finite number.
func (v *Value) Finite() bool {
	return v != nil && v.Kind == Number && !math.IsInf(v.Num, 0) && !math.IsNaN(v.Num)
}

// Describe names v for a message: null, true, 12, "short text", or its kind.
func (v *Value) Describe() string {
	switch v.Kind {
	case Null:
		return "null"
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Number:
		return v.Lit
	case String:
		if utf8.RuneCountInString(v.Str) <= 40 {
			return strconv.Quote(v.Str)
		}
		return "a string"
	}
	return v.Kind.String()
}

// SyntaxError is why data is not JSON, at a byte offset.
type SyntaxError struct {
	Off int
	Msg string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Decode reads data as one JSON value. Syntax errors (and text that is not UTF-8) come as a
// *SyntaxError at the offset of the byte that is wrong.
func Decode(data []byte) (*Value, error) {
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, &SyntaxError{off, "the file is not UTF-8 text"}
	}
	// The standard decoder's syntax check reports how far it read; the wrong byte is the
	// last one read, except at an unexpected end.
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := int(se.Offset) - 1
			if se.Offset >= int64(len(data)) && se.Error() == "unexpected end of JSON input" {
				off = len(data)
			}
			return nil, &SyntaxError{max(off, 0), "not JSON: " + se.Error()}
		}
		return nil, &SyntaxError{0, "not JSON: " + err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return read(dec, data)
}

// read reads the next value from dec, whose input is data and known to be valid JSON.
func read(dec *json.Decoder, data []byte) (*Value, error) {
	off := skipSeparators(data, int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return nil, &SyntaxError{off, "not JSON: " + err.Error()}
	}
	v := &Value{Off: off}
	switch t := tok.(type) {
	case nil:
		v.Kind = Null
	case bool:
		v.Kind, v.Bool = Bool, t
	case string:
		v.Kind, v.Str = String, t
	case json.Number:
		v.Kind, v.Lit = Number, string(t)
		v.Num, _ = strconv.ParseFloat(string(t), 64)
	case json.Delim:
		if t == '[' {
			v.Kind = Array
			for dec.More() {
				item, err := read(dec, data)
				if err != nil {
					return nil, err
				}
				v.Items = append(v.Items, item)
			}
		} else {
			v.Kind, v.Fields = Object, map[string]*Value{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, &SyntaxError{off, "not JSON: " + err.Error()}
				}
				key, _ := kt.(string)
				item, err := read(dec, data)
				if err != nil {
					return nil, err
				}
				if _, seen := v.Fields[key]; !seen {
					v.Keys = append(v.Keys, key)
				}
				v.Fields[key] = item
			}
		}
		if _, err := dec.Token(); err != nil { // the closing bracket
			return nil, &SyntaxError{off, "not JSON: " + err.Error()}
		}
	default:
		return nil, &SyntaxError{off, fmt.Sprintf("not JSON: unexpected token %v", tok)}
	}
	return v, nil
}

// skipSeparators moves off past the white space, colons and commas before a value.
func skipSeparators(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// LineCol turns a byte offset of data into a line and a column (in characters), from 1.
func LineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}
