package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"playbook/site/pipeline"
)

// TestCertificatePrintsLandscape prints the certificate as the browser's print dialog does,
// honouring the page's own page size, on A4 and Letter: one page, landscape.
func TestCertificatePrintsLandscape(t *testing.T) {
	s := buildQuizSite(t, pipeline.Learner)
	b := quizTab(t, s, progressEN)
	b.seedBest("Ana Li", map[string]float64{"basics-check": 90}, "2026-11-20T10:00:00.000Z")
	b.run(`window.print = () => {}`)
	for _, paper := range []chromedp.PaperSize{chromedp.PaperA4, chromedp.PaperLetter} {
		b.clickButton("Print my certificate")
		data, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		keepPDF(t, "certificate-"+map[bool]string{true: "A4", false: "Letter"}[paper == chromedp.PaperA4]+".pdf", data)
		sizes := pdfPageSizes(t, data)
		if sizes == nil {
			t.Skip("pdfinfo is not installed (apt-get install -y poppler-utils)")
		}
		if len(sizes) != 1 || sizes[0][0] <= sizes[0][1] {
			t.Errorf("the certificate prints on %d pages of %v pt (width × height); want one landscape page", len(sizes), sizes)
		}
		b.run(`dispatchEvent(new Event("afterprint"))`)
	}
}

// pdfPageSizes returns the width and height in points of every page of a PDF, read by
// pdfinfo; nil when pdfinfo is not installed.
func pdfPageSizes(t *testing.T, data []byte) [][2]float64 {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		return nil
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "1000", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var sizes [][2]float64
	for _, m := range regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`).FindAllSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

// keepPDF writes a printed PDF into the folder PLAYBOOK_KEEP_PDF names, when it is set, so
// that a person can look at what a test printed.
func keepPDF(t *testing.T, name string, data []byte) {
	t.Helper()
	if dir := os.Getenv("PLAYBOOK_KEEP_PDF"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Error(err)
		}
	}
}
