package strictyaml

import (
	"slices"
	"strings"
	"testing"

	"playbook/site/diag"
)

func decode(t *testing.T, src string, known ...string) (*Decoder, map[string]Field, *diag.List) {
	t.Helper()
	var d diag.List
	dec := &Decoder{Path: "f.yaml", Diags: &d}
	root := dec.Parse([]byte(src))
	return dec, dec.Mapping(root, "test", known...), &d
}

func TestLocalized(t *testing.T) {
	langs := []string{"en", "zh-CN"}
	tests := []struct {
		name, src string
		want      map[string]string
		err       string
	}{
		{"plain", "t: Hello", map[string]string{"en": "Hello", "zh-CN": "Hello"}, ""},
		{"map", "t: {en: Hello, zh-CN: 你好}", map[string]string{"en": "Hello", "zh-CN": "你好"}, ""},
		{"missing", "t: {en: Hello}", nil, "has no zh-CN translation"},
		{"unknown lang", "t: {en: a, zh-CN: b, fr: c}", nil, `unknown key "fr"`},
		{"list", "t: [a, b]", nil, "must be text, or a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, f, d := decode(t, tt.src, "t")
			got, _ := dec.Localized(f, "t", langs)
			if tt.err != "" {
				if len(*d) == 0 || !strings.Contains((*d)[0].Message, tt.err) {
					t.Errorf("want error %q, got %v", tt.err, *d)
				}
				return
			}
			if len(*d) > 0 || got.Get("en") != tt.want["en"] || got.Get("zh-CN") != tt.want["zh-CN"] {
				t.Errorf("got %v %v, want %v", got, *d, tt.want)
			}
		})
	}
}

func TestMappingPositions(t *testing.T) {
	_, _, d := decode(t, "a: 1\n  # comment\nbee: 2\nccc: 3\n", "a", "be")
	if len(*d) != 2 {
		t.Fatalf("want 2 unknown keys, got %v", *d)
	}
	if (*d)[0].Pos.Line != 3 || !strings.Contains((*d)[0].Message, `did you mean "be"`) {
		t.Errorf("first = %v", (*d)[0])
	}
	if (*d)[1].Pos.Line != 4 || strings.Contains((*d)[1].Message, "did you mean") {
		t.Errorf("second = %v (ccc is too far from any known key for a suggestion)", (*d)[1])
	}
}

func TestLineOffset(t *testing.T) {
	var d diag.List
	dec := &Decoder{Path: "f.md", LineOffset: 1, Diags: &d}
	dec.Mapping(dec.Parse([]byte("title: x\nbad: y\n")), "front matter", "title")
	if len(d) != 1 || d[0].Pos.Line != 3 {
		t.Errorf("want the error on file line 3, got %v", d)
	}
}

// TestOneDocumentNoControls checks that a file is one YAML document without control
// characters: a second document and every control character get an error at their line and
// column, and a document that merely starts with "---" is fine.
func TestOneDocumentNoControls(t *testing.T) {
	cases := []struct {
		src  string
		want []string // errors, as "line:col: start of message"
	}{
		{"id: a\ntitle: T\n", nil},
		{"---\nid: a\ntitle: T\n", nil},
		{"id: a\n---\nid: b\n", []string{"x.yaml:2:1: a second YAML document starts here"}},
		{"---\nid: a\n---\nid: b\n---\nid: c\n", []string{"x.yaml:3:1: a second YAML document starts here"}},
		{"id: a\ntitle: \"T\x01\"\n", []string{"x.yaml:2:10: control character U+0001"}},
		{"id: a\ntitle: 标题\x1b[31m\n", []string{"x.yaml:2:10: control character U+001B"}},
		{"id: a\ntitle: T\uFFFE\n", []string{"x.yaml:2:9: control character U+FFFE"}},
		{"id: a\ntitle: T\u0085x\n", []string{"x.yaml:2:9: control character U+0085"}},
		{"id:\ta\r\ntitle: T\r\n", nil},
		{strings.Repeat("\x02", 12) + "\n", []string{"x.yaml:1:1: control character U+0002", "x.yaml:1:1: 2 more control characters"}},
	}
	for _, c := range cases {
		var d diag.List
		dec := &Decoder{Path: "x.yaml", Diags: &d}
		n := dec.Parse([]byte(c.src))
		var got []string
		for _, e := range d {
			got = append(got, e.String())
		}
		if len(c.want) == 0 {
			if len(got) > 0 || n == nil {
				t.Errorf("%q: %v (node %v)", c.src, got, n)
			}
			continue
		}
		for _, w := range c.want {
			if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
				t.Errorf("%q: errors %q, want one starting %q", c.src, got, w)
			}
		}
	}
}
