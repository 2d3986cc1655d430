// Package bands checks score bands written as whole-percent ranges: together they must cover
// 0-100 with no gap and no overlap, so every score has exactly one verdict. Checklists and
// rating worksheets use it.
package bands

import (
	"fmt"
	"math"
	"sort"

	"go.yaml.in/yaml/v3"

	"playbook/site/strictyaml"
)

// Range is one band's range, with the YAML node it came from for messages.
type Range struct {
	ID       string
	Min, Max int
	Node     *yaml.Node
}

// Check reports every gap and overlap among ranges, and returns the indexes of ranges sorted
// from the highest band down (the order pages list them in).
func Check(d *strictyaml.Decoder, ranges []Range) []int {
	order := make([]int, len(ranges))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ranges[order[a]].Min < ranges[order[b]].Min })
	next := 0
	for _, i := range order {
		r := ranges[i]
		switch {
		case r.Min > next:
			d.Errorf(r.Node, "the bands leave a gap: no band covers %s; start band %s at %d", span(next, r.Min-1), r.ID, next)
		case r.Min < next:
			d.Errorf(r.Node, "band %s overlaps the band below it: %s is covered twice; start it at %d", r.ID, span(r.Min, min(next-1, r.Max)), next)
		}
		next = max(next, r.Max+1)
	}
	if len(ranges) > 0 && next <= 100 {
		d.Errorf(ranges[order[len(order)-1]].Node, "the bands leave a gap: no band covers %s; end the top band at 100", span(next, 100))
	}
	for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
		order[i], order[j] = order[j], order[i]
	}
	return order
}

func span(a, b int) string {
	if a == b {
		return fmt.Sprintf("%d%%", a)
	}
	return fmt.Sprintf("%d-%d%%", a, b)
}

// Percent returns earned/max in whole percent, rounded half up, and 0 when max is 0. The
// quotient is first rounded to 9 decimals so that exact halves such as 23/40 = 57.5% are not
// pushed below .5 by floating-point error (the page scripts compute it the same way).
func Percent(earned, max float64) int {
	if max == 0 {
		return 0
	}
	q := math.Round(earned*100/max*1e9) / 1e9
	return int(math.Floor(q + 0.5))
}
