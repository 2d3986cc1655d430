package e2e

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/site/diag"
	"playbook/site/pipeline"
	"playbook/site/worksheet/worksheetfile"
)

// sampleList is the published sample customer list of Day 3 in one language.
const sampleList = "day-03-classifying-customers/sample-customers.csv"

// TestSampleDataWorksheets imports the sample customer list of each language into the
// bundled course's value-tier and ABC worksheets, as a trainer would, and checks what the
// page shows: every customer ranked by annual sales, no line left out, the bands of the
// exercises.
func TestSampleDataWorksheets(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	for _, c := range []struct {
		lang                     string
		ranked, header           string // the result's first two sentences, with the total put in
		control, imported, empty string
		nameCol, valueCol        int
	}{
		{"en", "100 customers ranked. Total value: %s.", "Line 1 is the header: names from “Customer”, values from “Annual sales (yuan)”.",
			"Import a CSV file", "Imported “sample-customers.csv”.", "Paste or import customers to rank them.", 1, 4},
		{"zh-CN", "已为 100 位客户排序，总价值为 %s。", "第 1 行为标题行：名称取自“客户名称”列，数值取自“年销售额（元）”列。",
			"导入 CSV 文件", "已导入“sample-customers.csv”。", "请粘贴或导入客户名单，以便排序分级。", 1, 4},
	} {
		// The file as the site publishes it beside the Day 3 lessons.
		data, err := os.ReadFile(filepath.Join(s.dir, c.lang, sampleList))
		if err != nil {
			t.Fatalf("the built site lacks the %s sample list: %v", c.lang, err)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(recs) != 101 {
			t.Fatalf("%s/%s: %d records, %v", c.lang, sampleList, len(recs), err)
		}
		names, values := make([]string, 100), make([]int, 100)
		total := 0
		for i, r := range recs[1:] {
			names[i] = r[c.nameCol]
			if values[i], err = strconv.Atoi(r[c.valueCol]); err != nil {
				t.Fatal(err)
			}
			total += values[i]
		}
		// What the ranking table should show, best first: "name value".
		order := make([]int, 100)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return values[b] - values[a] })
		var wantRows []string
		for _, i := range order {
			wantRows = append(wantRows, names[i]+" "+grouped(values[i]))
		}

		for _, ws := range []struct {
			id     string
			counts []int
		}{
			{"value-tiers", []int{1, 4, 15, 80}},
			{"abc-classification", []int{19, 25, 56}},
		} {
			page := c.lang + "/worksheets/" + ws.id + ".html"
			t.Run(c.lang+"/"+ws.id, func(t *testing.T) {
				b := wsTab(t, s, page)
				if got := b.text(".ws-result"); got != c.empty {
					t.Fatalf("%s before the import reads %q, want %q", page, got, c.empty)
				}
				b.do("choosing the sample list", chromedp.SetUploadFiles(
					`//article[contains(@class, "worksheet")]//label[starts-with(normalize-space(), `+xpathString(c.control)+`)]//input[@type="file"]`,
					[]string{uploadCopy(t, data)}))
				b.waitFor(`document.querySelector(".ws-message")?.textContent === `+jsString(c.imported), "the import of the sample list")
				b.waitFor(`document.querySelectorAll(".ws-ranking-rows tr:not(.ws-blank)").length === 100`, "100 ranked rows")

				want := fmt.Sprintf(c.ranked, grouped(total)) + " " + c.header
				if got := b.text(".ws-result"); got != want {
					t.Errorf("%s: the result reads\n%q, want\n%q (no line left out)", page, got, want)
				}
				if n := b.count(".ws-result .ws-errors li"); n != 0 || b.count(".ws-result .ws-error") != 0 {
					t.Errorf("%s lists %d bad lines", page, n)
				}
				if b.visible(".ws-table-note") || b.visible(".ws-ranking-rows tr.ws-blank") {
					t.Errorf("%s: with 100 customers the note about hidden rows or blank rows show", page)
				}

				// The bands of the worksheet, in the page's language.
				src, err := os.ReadFile(filepath.Join(repoRoot, "worksheets", ws.id+".yaml"))
				if err != nil {
					t.Fatal(err)
				}
				var ds diag.List
				w := worksheetfile.Parse("worksheets/"+ws.id+".yaml", src, s.course.Config.Languages, &ds)
				if w == nil || ds.HasErrors() || len(w.Bands) != len(ws.counts) {
					t.Fatalf("worksheets/%s.yaml: %v", ws.id, ds)
				}

				// Every customer, by rank, with its own value and band.
				rows := b.wsRankingRows()
				var gotRows, wantBands, gotBands []string
				for k, r := range rows {
					if len(r) != 6 || r[0] != strconv.Itoa(k+1) {
						t.Fatalf("%s: row %d of the ranking is %q", page, k+1, r)
					}
					gotRows = append(gotRows, r[1]+" "+r[2])
					gotBands = append(gotBands, r[5])
				}
				for k, n := range ws.counts {
					for range n {
						wantBands = append(wantBands, w.Bands[k].Label.Get(c.lang))
					}
				}
				if !slices.Equal(gotRows, wantRows) {
					t.Errorf("%s ranks\n%q\nwant the names and annual sales of the file, highest first:\n%q", page, gotRows, wantRows)
				}
				if !slices.Equal(gotBands, wantBands) {
					t.Errorf("%s gives the bands\n%q, want\n%q", page, gotBands, wantBands)
				}

				// The summary: customers and value per band.
				var wantSummary [][]string
				from := 0
				for k, n := range ws.counts {
					sum := 0
					for _, i := range order[from : from+n] {
						sum += values[i]
					}
					from += n
					wantSummary = append(wantSummary, []string{w.Bands[k].Label.Get(c.lang), strconv.Itoa(n),
						fmt.Sprintf("%.2f%%", float64(n)/float64(len(values))*100), fmt.Sprintf("%.2f%%", float64(sum)/float64(total)*100)})
				}
				if got := b.wsSummaryRows(); !slices.EqualFunc(got, wantSummary, slices.Equal) {
					t.Errorf("%s: the summary shows\n%q, want\n%q", page, got, wantSummary)
				}
				// The list is kept with the saved copy, so the trainer can come back to it.
				b.waitFor(`(localStorage.getItem("playbook:" + document.body.dataset.site + ":worksheets:v1") || "").includes(`+jsString(names[order[0]])+`)`,
					"the imported list in the saved copy")
			})
		}
	}
}

// uploadCopy writes data to a file named as the published one, in a folder of its own, and
// returns its path.
func uploadCopy(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample-customers.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// xpathString quotes s as an XPath string literal (s holds no double quote).
func xpathString(s string) string {
	if strings.Contains(s, `"`) {
		panic("xpathString: a double quote in " + s)
	}
	return `"` + s + `"`
}
