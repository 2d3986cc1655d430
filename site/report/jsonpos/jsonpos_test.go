package jsonpos

import (
	"errors"
	"fmt"
	"testing"
)

func TestDecodeKeepsPositions(t *testing.T) {
	data := []byte("{\n  \"a\": [1, \"x\"],\n  \"名\": {\"b\": null, \"b\": true}\n}")
	v, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	at := func(v *Value) string {
		l, c := LineCol(data, v.Off)
		return fmt.Sprintf("%d:%d", l, c)
	}
	a, obj := v.Get("a"), v.Get("名")
	if v.Kind != Object || len(v.Keys) != 2 || v.Keys[1] != "名" || a.Kind != Array || at(a) != "2:8" || at(a.Items[1]) != "2:12" {
		t.Errorf("%+v", v)
	}
	// A repeated key keeps its last value, and its place once.
	if b := obj.Get("b"); len(obj.Keys) != 1 || b.Kind != Bool || !b.Bool || at(b) != "3:25" {
		t.Errorf("%+v", obj)
	}
	if a.Items[0].Describe() != "1" || a.Items[1].Describe() != `"x"` || obj.Describe() != "an object" || v.Get("none") != nil || a.Get("x") != nil {
		t.Error("Describe or Get")
	}
}

func TestDecodeErrors(t *testing.T) {
	for data, want := range map[string]int{
		`{"a": 1,}`:         8,
		`{"a": "`:           7,
		"{\"a\": \"\xff\"}": 7,
		`[1, 2`:             5,
	} {
		_, err := Decode([]byte(data))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Off != want {
			t.Errorf("%q: %v at %d, want %d", data, err, se.Off, want)
		}
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\n中文x\n")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {9, 2, 3}, {99, 3, 1}} {
		if l, c := LineCol(data, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
