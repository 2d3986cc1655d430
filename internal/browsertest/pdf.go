package browsertest

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Paper is a sheet size to print on.
type Paper int

const (
	// A4 is 210 × 297 mm.
	A4 Paper = iota
	// Letter is 8.5 × 11 inches.
	Letter
)

// String names the paper.
func (p Paper) String() string {
	if p == Letter {
		return "Letter"
	}
	return "A4"
}

func (p Paper) size() chromedp.PaperSize {
	if p == Letter {
		return chromedp.PaperLetter
	}
	return chromedp.PaperA4
}

// PrintPDF prints the page loaded in ctx on paper with the browser's print settings (print
// style sheet, default margins, no header or footer) and returns the PDF and its page count.
// It fails the test when printing fails or the result is not a PDF.
func PrintPDF(t testing.TB, ctx context.Context, paper Paper) (data []byte, pages int) {
	t.Helper()
	data, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper.size())))
	if err != nil {
		t.Fatalf("printing to PDF on %s: %v", paper, err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("printing to PDF on %s: the result does not start with %%PDF- (%d bytes)", paper, len(data))
	}
	pages, err = PageCount(data)
	if err != nil {
		t.Fatalf("printing to PDF on %s: %v", paper, err)
	}
	return data, pages
}

// pageObject matches the type entry of a page object, and not of the page tree (/Pages).
var pageObject = regexp.MustCompile(`/Type\s*/Page(?:[^A-Za-z0-9_.\-]|$)`)

// objStream matches the start of a stream whose dictionary says it is an object stream.
var objStream = regexp.MustCompile(`(?s)<<((?:[^<>]|<<[^<>]*>>)*?/Type\s*/ObjStm(?:[^<>]|<<[^<>]*>>)*?)>>\s*stream\r?\n`)

// PageCount counts the page objects of a PDF: every "/Type /Page" entry, in the file itself
// and inside Flate-compressed object streams (PDF 1.5), where a writer may hide them. It
// reads the file as written; a file with incremental updates that replace pages would be
// over-counted, which Chromium never writes.
func PageCount(data []byte) (int, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return 0, errors.New("not a PDF: no %PDF- header")
	}
	n := len(pageObject.FindAll(data, -1))
	for _, m := range objStream.FindAllSubmatchIndex(data, -1) {
		dict := data[m[2]:m[3]]
		body := data[m[1]:]
		if end := bytes.Index(body, []byte("endstream")); end >= 0 {
			body = body[:end]
		}
		if size := streamLength(dict); size > 0 && size <= int64(len(body)) {
			body = body[:size]
		}
		if !bytes.Contains(dict, []byte("/FlateDecode")) {
			return 0, fmt.Errorf("an object stream has a filter PageCount cannot read: %s", dict)
		}
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return 0, fmt.Errorf("reading an object stream: %w", err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return 0, fmt.Errorf("reading an object stream: %w", err)
		}
		n += len(pageObject.FindAll(plain, -1))
	}
	if n == 0 {
		return 0, errors.New("the PDF has no page object")
	}
	return n, nil
}

// lengthEntry finds a direct /Length of a stream dictionary.
var lengthEntry = regexp.MustCompile(`/Length\s+(\d+)(?:\s+\d+\s+R)?`)

// streamLength returns a direct /Length, or 0 when it is missing or an indirect reference.
func streamLength(dict []byte) int64 {
	m := lengthEntry.FindSubmatch(dict)
	if m == nil || bytes.HasSuffix(bytes.TrimSpace(m[0]), []byte("R")) {
		return 0
	}
	n, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return n
}

// PDFInfoPages returns the page count pdfinfo (poppler-utils) reads, and false when pdfinfo
// is not on PATH. Tests use it to check PageCount on real files.
func PDFInfoPages(t testing.TB, data []byte) (int, bool) {
	t.Helper()
	out, ok := poppler(t, "pdfinfo", data)
	if !ok {
		return 0, false
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, true
}

// PDFText returns the text pdftotext (poppler-utils) extracts from a PDF, in reading order,
// and false when pdftotext is not on PATH.
func PDFText(t testing.TB, data []byte) (string, bool) {
	t.Helper()
	out, ok := poppler(t, "pdftotext", data, "-enc", "UTF-8")
	return string(out), ok
}

// poppler runs a poppler tool on data and returns its standard output; false when the tool
// is not installed.
func poppler(t testing.TB, tool string, data []byte, args ...string) ([]byte, bool) {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		return nil, false
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s failed: %v\n%s", tool, err, stderr.String())
	}
	return out, true
}

// NoFontFor reports whether fontconfig knows no font for the language lang (such as
// "zh-cn"), so that the browser can only draw its text as empty boxes and a PDF of it holds
// no readable text. It reports false when fc-list is not installed, as on systems that do
// not use fontconfig.
func NoFontFor(lang string) bool {
	path, err := exec.LookPath("fc-list")
	if err != nil {
		return false
	}
	out, err := exec.Command(path, ":lang="+strings.ToLower(lang), "family").Output()
	return err == nil && len(bytes.TrimSpace(out)) == 0
}
