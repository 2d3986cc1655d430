package diag

import "testing"

func TestSortOrdersNumericallyAndDropsDuplicates(t *testing.T) {
	l := List{
		{Pos: Pos{"b.md", 1, 1}, Message: "b"},
		{Pos: Pos{"a.md", 10, 2}, Message: "x"},
		{Pos: Pos{"a.md", 9, 30}, Message: "y"},
		{Pos: Pos{"a.md", 10, 15}, Message: "z"},
		{Pos: Pos{"a.md", 10, 2}, Message: "x"},
		{Pos: Pos{"a.md", 10, 2}, Message: "w", Severity: Warning},
	}
	l.Sort()
	want := []string{
		"a.md:9:30: y",
		"a.md:10:2: warning: w",
		"a.md:10:2: x",
		"a.md:10:15: z",
		"b.md:1:1: b",
	}
	if len(l) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(l), len(want), l)
	}
	for i, d := range l {
		if d.String() != want[i] {
			t.Errorf("%d: %q, want %q", i, d.String(), want[i])
		}
	}
	if l.ErrorCount() != 4 || !l.HasErrors() {
		t.Errorf("ErrorCount = %d", l.ErrorCount())
	}
}

func TestPosDefaultsToLineOne(t *testing.T) {
	if got := (Pos{Path: "x.yaml"}).String(); got != "x.yaml:1:1" {
		t.Errorf("got %q", got)
	}
}
