package progress

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// kind is the JSON type of a value.
type kind int

const (
	jsonNull kind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonObject
	jsonArray
)

func (k kind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an object", "a list"}[k]
}

// value is a decoded JSON value with the byte offset where it starts, so that a rule broken
// deep inside a file can be reported at its line and column.
type value struct {
	kind  kind
	off   int
	b     bool
	num   float64
	lit   string // a number as written
	str   string
	keys  []string // object keys in file order, each once
	field map[string]*value
	items []*value
}

// get returns the field key of an object, or nil when it is absent.
func (v *value) get(key string) *value {
	if v == nil || v.kind != jsonObject {
		return nil
	}
	return v.field[key]
}

// syntaxError is a JSON syntax error at a byte offset.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// decodeJSON reads data as one JSON value. Syntax errors come with the offset of the byte
// that is wrong. A repeated object key keeps its last value, as JSON.parse in the page does.
func decodeJSON(data []byte) (*value, error) {
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, &syntaxError{off, "the file is not UTF-8 text"}
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
			return nil, &syntaxError{max(off, 0), "not JSON: " + se.Error()}
		}
		return nil, &syntaxError{0, "not JSON: " + err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return readValue(dec, data)
}

// readValue reads the next value from dec, whose input is data and known to be valid JSON.
func readValue(dec *json.Decoder, data []byte) (*value, error) {
	off := skipSeparators(data, int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return nil, &syntaxError{off, "not JSON: " + err.Error()}
	}
	v := &value{off: off}
	switch t := tok.(type) {
	case nil:
		v.kind = jsonNull
	case bool:
		v.kind, v.b = jsonBool, t
	case string:
		v.kind, v.str = jsonString, t
	case json.Number:
		v.kind, v.lit = jsonNumber, string(t)
		// Too large a number is infinite in JavaScript; the rules reject it as not finite.
		v.num, _ = strconv.ParseFloat(string(t), 64)
	case json.Delim:
		if t == '[' {
			v.kind = jsonArray
			for dec.More() {
				item, err := readValue(dec, data)
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, item)
			}
		} else {
			v.kind, v.field = jsonObject, map[string]*value{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, &syntaxError{off, "not JSON: " + err.Error()}
				}
				key, _ := kt.(string)
				item, err := readValue(dec, data)
				if err != nil {
					return nil, err
				}
				if _, seen := v.field[key]; !seen {
					v.keys = append(v.keys, key)
				}
				v.field[key] = item
			}
		}
		if _, err := dec.Token(); err != nil { // the closing bracket
			return nil, &syntaxError{off, "not JSON: " + err.Error()}
		}
	default:
		return nil, &syntaxError{off, fmt.Sprintf("not JSON: unexpected token %v", tok)}
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

// finite reports whether a number value is a finite number.
func (v *value) finite() bool {
	return v.kind == jsonNumber && !math.IsInf(v.num, 0) && !math.IsNaN(v.num)
}

// lineCol turns a byte offset of data into a line and a column (in characters), from 1.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}
