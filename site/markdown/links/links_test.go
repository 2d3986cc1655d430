package links

import (
	"reflect"
	"testing"
)

// files knows a fixed set of source files and maps each to its output URL.
type files map[string]string

func (f files) ResolveLink(target string, image bool) (string, bool) {
	href, ok := f[target]
	return href, ok
}

func TestRewrite(t *testing.T) {
	r := files{"day-01/02-next.md": "02-next.html", "day-01/a.png": "a.png"}
	tests := []struct {
		dest     string
		image    bool
		want     string
		problems int
		anchor   *Anchor
	}{
		{dest: "02-next.md", want: "02-next.html"},
		{dest: "02-next.md#two%20words", want: "02-next.html#two%20words", anchor: &Anchor{"day-01/02-next.md", "two words"}},
		{dest: "#here", want: "#here", anchor: &Anchor{"day-01/01-this.md", "here"}},
		{dest: "a.png", image: true, want: "a.png"},
		{dest: "https://example.org/", want: "https://example.org/"},
		{dest: "//example.org/x", want: "https://example.org/x"},
		{dest: "javascript:alert(1)", want: "#", problems: 1},
		{dest: "https://example.org/a.png", image: true, want: "#", problems: 1},
		{dest: "", want: "", problems: 1},
		{dest: "/abs.md", want: "/abs.md", problems: 1},
		{dest: "../../outside.md", want: "../../outside.md", problems: 1},
		{dest: "missing.md?x=1", want: "missing.md?x=1", problems: 2},
	}
	for _, tt := range tests {
		got := Rewrite("day-01/01-this.md", []byte(tt.dest), tt.image, r)
		if string(got.Dest) != tt.want || len(got.Problems) != tt.problems || !reflect.DeepEqual(got.Anchor, tt.anchor) {
			t.Errorf("Rewrite(%q) = %q, %q, %+v; want %q, %d problems, %+v", tt.dest, got.Dest, got.Problems, got.Anchor, tt.want, tt.problems, tt.anchor)
		}
	}
	if got := Rewrite("a.md", []byte("b.md"), false, nil); string(got.Dest) != "b.md" || len(got.Problems) != 0 {
		t.Errorf("without a resolver, relative links are left unchecked; got %q, %q", got.Dest, got.Problems)
	}
}
