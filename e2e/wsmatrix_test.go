package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"playbook/site/pipeline"
)

// TestMatrixLabelsStayInTheirQuadrants draws the bundled matrices, in both languages, on
// screen and for print, with their own quadrant names and with names of 1, 40 and 400
// characters: every name's visible text lies inside its own quadrant, inside the frame, and
// no two names overlap.
func TestMatrixLabelsStayInTheirQuadrants(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	b := newTab(t, s, s.root)
	var pages []string
	for _, p := range s.pages {
		if strings.Contains(p, "/worksheets/") {
			pages = append(pages, p)
		}
	}
	for _, media := range []string{"screen", "print"} {
		if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			b.open(p)
			if b.count(".ws-matrix-chart") == 0 {
				continue
			}
			for _, name := range []string{"", "W", strings.Repeat("Wide words ", 4), strings.Repeat("很长的象限名称", 57)} {
				if name != "" {
					b.run(`document.querySelectorAll(".ws-quadrant-label").forEach(e => e.textContent = ` + jsString(name) + `)`)
				}
				for _, bad := range b.strs(matrixLabelProblems) {
					t.Errorf("%s (%s, names of %d characters): %s", p, media, len([]rune(name)), bad)
				}
			}
		}
	}
}

// matrixLabelProblems lists what is wrong with the quadrant names of the page's matrix: a
// name's text outside its quadrant (the frame cut in four by the grid lines) and two names
// whose texts overlap. A name's text is measured with a Range, so that an ellipsis box
// counts for what it shows, not for what it hides.
const matrixLabelProblems = `(() => {
	const svg = document.querySelector(".ws-matrix-chart"), frame = svg.querySelector(".ws-frame").getBoundingClientRect();
	const grid = Array.from(svg.querySelectorAll(".ws-grid"), l => l.getBoundingClientRect());
	const midX = grid.find(r => r.width < 2).left, midY = grid.find(r => r.height < 2).top;
	const out = [], boxes = [];
	for (const e of svg.querySelectorAll(".ws-quadrant-label")) {
		const q = e.dataset.quadrant, r = e.getBoundingClientRect();
		const right = r.left + r.width / 2 > midX, top = r.top + r.height / 2 < midY;
		const cell = { left: right ? midX : frame.left, right: right ? frame.right : midX, top: top ? frame.top : midY, bottom: top ? midY : frame.bottom };
		const range = document.createRange(); range.selectNodeContents(e);
		const shown = Array.from(range.getClientRects()).filter(t => t.bottom <= r.bottom + 0.5 && t.width > 0);
		if (e.textContent.trim() !== "" && shown.length === 0) out.push(q + ": its name shows no text");
		for (const t of shown) {
			if (t.left < cell.left - 0.5 || t.right > cell.right + 0.5 || t.top < cell.top - 0.5 || t.bottom > cell.bottom + 0.5) {
				out.push(q + ": text at " + [t.left, t.top, t.right, t.bottom].map(Math.round) + " leaves its quadrant " + [cell.left, cell.top, cell.right, cell.bottom].map(Math.round));
				break;
			}
		}
		for (const [o, ts] of boxes) for (const a of ts) for (const c of shown)
			if (a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom) { out.push(q + " overlaps " + o); break; }
		boxes.push([q, shown]);
	}
	return [...new Set(out)];
})()`
