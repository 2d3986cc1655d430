package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
)

// TestPrintLongRanking ranks 200 customers (the Day 3 sample list of 100, twice, the second
// time under other names) on the bundled value-tiers worksheet and prints it with the data,
// on A4 and Letter: every customer is on paper, on as many pages as that takes, the header
// row repeated on each page the table continues on, and every page says "Page n of m".
func TestPrintLongRanking(t *testing.T) {
	s := buildSite(t, pipeline.Learner)
	for _, lang := range []string{"en", "zh-CN"} {
		if browsertest.NoFontFor(lang) {
			t.Logf("no font for %s: its printed text cannot be read", lang)
			continue
		}
		page := lang + "/worksheets/value-tiers.html"
		b := wsTab(t, s, page)
		data, err := os.ReadFile(filepath.Join(repoRoot, "content", lang, "day-03-classifying-customers", "sample-customers.csv"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\n")
		csv := append([]string{}, lines...)
		var names []string
		for i, l := range lines[1:] {
			f := strings.Split(l, ",")
			names = append(names, f[1])
			f[1] = fmt.Sprintf("Branch %03d", i+1)
			names = append(names, f[1])
			csv = append(csv, strings.Join(f, ","))
		}
		b.wsUpload(`input[name="csv"]`, "customers.csv", []byte(strings.Join(csv, "\n")))
		b.waitFor(`document.querySelectorAll(".ws-ranking-rows tr:not(.ws-blank)").length === 200`, "the ranking of 200 customers")
		header := b.text(".ws-ranking thead th:nth-child(3)")
		for _, paper := range []browsertest.Paper{browsertest.A4, browsertest.Letter} {
			b.run(`Playbook.worksheet.pages[0].printMode("data")`)
			pdf, pages := browsertest.PrintPDF(t, b.ctx, paper)
			keepPDF(t, fmt.Sprintf("ranking-200-%s-%s.pdf", lang, paper), pdf)
			text, ok := browsertest.PDFText(t, pdf)
			if !ok {
				t.Skip("pdftotext is not installed (apt-get install -y poppler-utils)")
			}
			t.Logf("%s: 200 customers print on %d %s pages", page, pages, paper)
			if pages < 3 {
				t.Errorf("%s with 200 customers prints on %d %s pages; 200 rows need at least 3", page, pages, paper)
			}
			flat := squash(text)
			for _, n := range names {
				if !strings.Contains(flat, squash(n)) {
					t.Errorf("%s on %s: customer %q is not on paper", page, paper, n)
					break
				}
			}
			sheets := strings.Split(text, "\f")
			for i, sheet := range sheets[:pages] {
				flat := squash(sheet)
				if want := squash(pageFooter(lang, i+1, pages)); !strings.Contains(flat, want) {
					t.Errorf("%s on %s: page %d does not say %q", page, paper, i+1, pageFooter(lang, i+1, pages))
				}
				// A page holding ranked rows (a rank and a band after a share) starts them under the header.
				if rankedRow.MatchString(sheet) && !strings.Contains(flat, squash(header)) {
					t.Errorf("%s on %s: page %d has ranked rows but no header row (%q)", page, paper, i+1, header)
				}
			}
		}
	}
}

// rankedRow matches a printed share of value, as a ranked row shows it.
var rankedRow = regexp.MustCompile(`\d+\.\d\d%`)

// pageFooter is what a printed worksheet says at the foot of page n of m.
func pageFooter(lang string, n, m int) string {
	if lang == "zh-CN" {
		return fmt.Sprintf("第 %d 页，共 %d 页", n, m)
	}
	return fmt.Sprintf("Page %d of %d", n, m)
}
