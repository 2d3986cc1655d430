package search

import (
	"runtime"
	"strconv"
	"testing"
)

// The index must not depend on how many workers built it: parts are merged in document
// order and shards are written independently.
func TestIndexDoesNotDependOnCores(t *testing.T) {
	words := []string{"customer", "customers", "value", "tier", "客户", "价值", "忠诚", "lead", "gold"}
	var docs []Doc
	for i := 0; i < 4000; i++ {
		body := ""
		for k := 0; k < 40; k++ {
			body += words[(i*k+k)%len(words)] + " "
		}
		docs = append(docs, Doc{URL: "p" + strconv.Itoa(i) + ".html", Title: words[i%len(words)], Body: body, Type: "lesson", Day: i % 10})
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := Build("en", "s", docs)
	runtime.GOMAXPROCS(5)
	five := Build("en", "s", docs)
	if len(one) != len(five) {
		t.Fatalf("%d files with one core, %d with five", len(one), len(five))
	}
	for name, data := range one {
		if string(five[name]) != string(data) {
			t.Errorf("%s differs between one and five cores", name)
		}
	}
}
