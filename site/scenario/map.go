package scenario

import (
	"cmp"
	"fmt"
	"html/template"
	"playbook/site/scenario/graph"
	"slices"
	"strconv"
	"strings"
)

// The map's geometry, in SVG units (1 unit = 1 CSS pixel at 100%).
const (
	nodeW, nodeH = 168, 40
	gapX, gapY   = 24, 58
	margin       = 16
)

var outcomeWords = map[string]map[graph.Outcome]string{
	"en":    {graph.Won: "won", graph.Recovered: "recovered", graph.Partial: "partial", graph.Lost: "lost", graph.Escalated: "escalated"},
	"zh-CN": {graph.Won: "成交", graph.Recovered: "挽回", graph.Partial: "部分达成", graph.Lost: "流失", graph.Escalated: "升级"},
}

// OutcomeWord names an outcome in lang (English when lang has no words).
func OutcomeWord(o graph.Outcome, lang string) string {
	if w, ok := outcomeWords[lang][o]; ok {
		return w
	}
	return string(o)
}

type mapNode struct {
	x, y  int
	label string
	class string
}

// Map draws the scenario's graph as an SVG: steps in rows by their distance from the start,
// ends in the last row, one arrow per choice labelled with its letter; the best path drawn
// bold, poor choices dashed. It is drawn at build time, so it prints.
func Map(s *Scenario, w *graph.Walk, lang string) template.HTML {
	rows := s.rows()
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	nodes := map[graph.Target]*mapNode{}
	for y, r := range rows {
		offset := (width - len(r)) * (nodeW + gapX) / 2
		for x, t := range r {
			n := &mapNode{x: margin + offset + x*(nodeW+gapX), y: margin + y*(nodeH+gapY), class: "sc-map-step", label: s.targetID(t)}
			if t.End {
				o := s.Ends[t.Index].Outcome
				n.class = "sc-map-end sc-end-" + string(o)
				n.label += " · " + OutcomeWord(o, lang)
			}
			nodes[t] = n
		}
	}
	best := map[graph.Move]bool{}
	for _, m := range w.Best {
		best[m] = true
	}
	W := 2*margin + width*(nodeW+gapX) - gapX + 2*gapX // room for arrows that go back up
	H := 2*margin + len(rows)*(nodeH+gapY) - gapY
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="sc-map" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="sc-map-title-%s">`, W, H, W, H, s.ID)
	fmt.Fprintf(&b, `<title id="sc-map-title-%s">%s</title>`, s.ID, template.HTMLEscapeString(s.Title.Get(lang)))
	b.WriteString(`<defs><marker id="sc-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>`)
	for i, st := range s.Steps {
		from := nodes[graph.Target{Index: i}]
		if from == nil {
			continue
		}
		for j, c := range st.Choices {
			class := "sc-map-edge"
			if best[graph.Move{Step: i, Choice: j}] {
				class += " sc-map-best"
			} else if w.Poor(&s.Graph, graph.Move{Step: i, Choice: j}) {
				class += " sc-map-poor"
			}
			for _, br := range c.Goto {
				if to := nodes[br.To]; to != nil {
					drawEdge(&b, from, to, class, string(rune('a'+j)), j, len(st.Choices))
				}
			}
		}
	}
	for _, r := range rows {
		for _, t := range r {
			n := nodes[t]
			fmt.Fprintf(&b, `<g class="%s"><rect x="%d" y="%d" width="%d" height="%d" rx="6"/><text x="%d" y="%d">%s</text></g>`,
				n.class, n.x, n.y, nodeW, nodeH, n.x+nodeW/2, n.y+nodeH/2+4, template.HTMLEscapeString(shorten(n.label, 27)))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// drawEdge draws one arrow: down to a later row as a straight line, otherwise round the side.
func drawEdge(b *strings.Builder, from, to *mapNode, class, label string, i, n int) {
	sx := from.x + nodeW*(i+1)/(n+1)
	sy := from.y + nodeH
	tx, ty := to.x+nodeW/2, to.y
	switch {
	case to.y > from.y:
		fmt.Fprintf(b, `<path class="%s" d="M%d %dL%d %d" marker-end="url(#sc-arrow)"/>`, class, sx, sy, tx, ty)
	case to.y == from.y:
		// Sideways in one row: from the facing side to the facing side.
		sy, ty = from.y+nodeH/2, to.y+nodeH/2
		sx, tx = from.x, to.x+nodeW
		if to.x > from.x {
			sx, tx = from.x+nodeW, to.x
		}
		fmt.Fprintf(b, `<path class="%s" d="M%d %dL%d %d" marker-end="url(#sc-arrow)"/>`, class, sx, sy, tx, ty)
	default:
		// Back up: leave from the right side and come round into the target's right side.
		sx, sy = from.x+nodeW, from.y+nodeH/2
		tx, ty = to.x+nodeW, to.y+nodeH/2
		bulge := max(sx, tx) + gapX
		fmt.Fprintf(b, `<path class="%s" d="M%d %dC%d %d %d %d %d %d" marker-end="url(#sc-arrow)"/>`, class, sx, sy, bulge, sy, bulge, ty, tx, ty)
	}
	fmt.Fprintf(b, `<text class="sc-map-label" x="%d" y="%d">%s</text>`, sx+3, sy+12, template.HTMLEscapeString(label))
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// rows puts every step in the row of its distance from the start (breadth first, every
// branch counted) and every end in a last row of its own.
func (s *Scenario) rows() [][]graph.Target {
	depth := make([]int, len(s.Steps))
	for i := range depth {
		depth[i] = -1
	}
	var rows [][]graph.Target
	if len(s.Steps) == 0 {
		return rows
	}
	depth[s.Start] = 0
	queue := []int{s.Start}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if depth[i] == len(rows) {
			rows = append(rows, nil)
		}
		rows[depth[i]] = append(rows[depth[i]], graph.Target{Index: i})
		for _, c := range s.Steps[i].Choices {
			for _, b := range c.Goto {
				if !b.To.End && depth[b.To.Index] < 0 {
					depth[b.To.Index] = depth[i] + 1
					queue = append(queue, b.To.Index)
				}
			}
		}
	}
	var ends []graph.Target
	for i := range s.Ends {
		ends = append(ends, graph.Target{End: true, Index: i})
	}
	rows = append(rows, ends)
	s.untangle(rows)
	return rows
}

// untangle orders each row after the first by the mean place of the nodes that lead to it
// in the rows above (the barycentre heuristic), so that fewer arrows cross.
func (s *Scenario) untangle(rows [][]graph.Target) {
	place := map[graph.Target]float64{}
	for x, t := range rows[0] {
		place[t] = float64(x)
	}
	for y := 1; y < len(rows); y++ {
		sum, n := map[graph.Target]float64{}, map[graph.Target]int{}
		for i, st := range s.Steps {
			from, ok := place[graph.Target{Index: i}]
			if !ok {
				continue
			}
			for _, c := range st.Choices {
				for _, b := range c.Goto {
					sum[b.To] += from
					n[b.To]++
				}
			}
		}
		key := func(t graph.Target) float64 {
			if n[t] == 0 {
				return 1e9
			}
			return sum[t] / float64(n[t])
		}
		slices.SortStableFunc(rows[y], func(a, b graph.Target) int { return cmp.Compare(key(a), key(b)) })
		for x, t := range rows[y] {
			place[t] = float64(x) + float64(len(rows[0])-len(rows[y]))/2
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
