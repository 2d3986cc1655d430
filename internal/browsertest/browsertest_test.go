package browsertest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var chrome Shared

func TestMain(m *testing.M) {
	code := m.Run()
	chrome.Close()
	os.Exit(code)
}

// writeSite writes files (slash path → content) into a new folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:">`

func TestFindChromiumHonoursEnv(t *testing.T) {
	t.Setenv(EnvChromium, filepath.Join(t.TempDir(), "no-such-browser"))
	if _, err := FindChromium(); err == nil || !strings.Contains(err.Error(), EnvChromium) {
		t.Fatalf("FindChromium with a bad %s: got %v, want an error naming the variable", EnvChromium, err)
	}
	t.Setenv(EnvChromium, "")
	t.Setenv("PATH", t.TempDir())
	if _, err := FindChromium(); err == nil || !strings.Contains(err.Error(), "chromium") {
		t.Fatalf("FindChromium with an empty PATH: got %v, want an error listing what it tried", err)
	}
}

func TestURLs(t *testing.T) {
	dir := filepath.Join(string(filepath.Separator), "tmp", "a b", "site")
	if got, want := SiteRoot(dir), "file:///tmp/a%20b/site/"; got != want {
		t.Errorf("SiteRoot = %q, want %q", got, want)
	}
	if got, want := SiteURL(dir, "zh-CN/index.html"), "file:///tmp/a%20b/site/zh-CN/index.html"; got != want {
		t.Errorf("SiteURL = %q, want %q", got, want)
	}
}

func TestRecordsRequestsAndProblems(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site/clean.html": `<!DOCTYPE html><html lang="en"><head>` + csp + `<link rel="stylesheet" href="s.css"></head>
<body><img src="i.svg" alt=""><script src="ok.js"></script><p>clean</p></body></html>`,
		"site/s.css": `body { color: black }`,
		"site/i.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
		"site/ok.js": `document.body.dataset.ok = "1";`,
		"site/csp.html": `<!DOCTYPE html><html><head>` + csp + `</head>
<body><script>document.title = "inline ran";</script><img src="https://example.invalid/x.png" alt=""></body></html>`,
		"site/broken.html": `<!DOCTYPE html><html><head>` + csp + `</head>
<body><script src="bad.js"></script><script src="missing.js"></script></body></html>`,
		"site/bad.js":      `console.error("boom from bad.js"); undefinedFunction();`,
		"site/remote.html": `<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/nothing.png" alt=""><img src="../outside.svg" alt=""></body></html>`,
		"outside.svg":      `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
	})
	root := SiteRoot(filepath.Join(dir, "site"))
	ctx := chrome.Tab(t)
	reqs := RecordRequests(t, ctx)
	probs := CollectProblems(t, ctx)

	Open(t, ctx, root+"clean.html")
	if got := Eval[string](t, ctx, `document.body.dataset.ok || ""`); got != "1" {
		t.Fatalf("ok.js did not run on the clean page")
	}
	if p := probs.List(); len(p) != 0 {
		t.Errorf("clean page: got problems %v, want none", p)
	}
	urls := reqs.URLs()
	for _, want := range []string{"clean.html", "s.css", "i.svg", "ok.js"} {
		if !slices.Contains(urls, root+want) {
			t.Errorf("requests %v miss %s", urls, root+want)
		}
	}
	if out := reqs.Outside(root); len(out) != 0 {
		t.Errorf("clean page: requests outside the site: %v", out)
	}

	probs.Reset()
	Open(t, ctx, root+"csp.html")
	if title := Eval[string](t, ctx, `document.title`); title == "inline ran" {
		t.Fatal("the inline script ran: the CSP was not applied")
	}
	assertProblems(t, probs.List(), "csp", "script-src", "img-src")

	probs.Reset()
	Open(t, ctx, root+"broken.html")
	got := probs.List()
	assertProblems(t, got, "console.error", "boom from bad.js")
	assertProblems(t, got, "exception", "undefinedFunction")
	assertProblems(t, got, "log.error", "missing.js")

	reqs.Reset()
	Open(t, ctx, root+"remote.html")
	out := reqs.Outside(root)
	if !slices.Contains(out, "http://127.0.0.1:9/nothing.png") || !slices.ContainsFunc(out, func(u string) bool { return strings.HasSuffix(u, "/outside.svg") }) {
		t.Errorf("Outside(%s) = %v, want the http image and the file beside the site", root, out)
	}
}

// assertProblems fails unless some problem of the kind mentions every word.
func assertProblems(t *testing.T, list []Problem, kind string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !slices.ContainsFunc(list, func(p Problem) bool { return p.Kind == kind && strings.Contains(p.Text+" "+p.URL, w) }) {
			t.Errorf("no %s problem mentions %q; got %v", kind, w, list)
		}
	}
}

func TestFollowAndBrowserPerTest(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"a.html":     `<!DOCTYPE html><html><body><a id="go" href="sub/b.html#x">go</a></body></html>`,
		"sub/b.html": `<!DOCTYPE html><html><body><h1 id="x">B</h1></body></html>`,
	})
	ctx := Browser(t)
	Open(t, ctx, SiteURL(dir, "a.html"))
	if got, want := Follow(t, ctx, chromedp.CSS("#go")), SiteURL(dir, "sub/b.html")+"#x"; got != want {
		t.Errorf("Follow went to %s, want %s", got, want)
	}
	if h1 := Eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 != "B" {
		t.Errorf("h1 = %q after Follow, want B", h1)
	}
}

func TestPrintPDF(t *testing.T) {
	var long strings.Builder
	for i := range 200 {
		fmt.Fprintf(&long, "<p>Paragraph %d of a long page.</p>\n", i)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/long" {
			fmt.Fprint(w, `<!DOCTYPE html><html><body>`+long.String()+`</body></html>`)
			return
		}
		fmt.Fprint(w, `<!DOCTYPE html><html><body><h1>Short page</h1></body></html>`)
	}))
	defer srv.Close()
	ctx := chrome.Tab(t)

	Open(t, ctx, srv.URL+"/short")
	a4, pages := PrintPDF(t, ctx, A4)
	if pages != 1 {
		t.Errorf("short page: %d pages, want 1", pages)
	}
	if !bytes.Contains(a4, []byte("595")) {
		t.Errorf("A4 PDF has no 595-point-wide media box")
	}
	letter, _ := PrintPDF(t, ctx, Letter)
	if !bytes.Contains(letter, []byte("612")) {
		t.Errorf("Letter PDF has no 612-point-wide media box")
	}
	if text, ok := PDFText(t, a4); ok && !strings.Contains(text, "Short page") {
		t.Errorf("pdftotext: %q lacks the heading", text)
	}

	Open(t, ctx, srv.URL+"/long")
	data, pages := PrintPDF(t, ctx, A4)
	if pages < 3 {
		t.Errorf("long page: %d pages, want several", pages)
	}
	if info, ok := PDFInfoPages(t, data); ok && info != pages {
		t.Errorf("PageCount = %d, pdfinfo says %d", pages, info)
	}
}

// TestPageCountObjectStreams checks PageCount on a PDF 1.5 file that keeps its page objects
// in a compressed object stream, where a plain byte search finds none.
func TestPageCountObjectStreams(t *testing.T) {
	objects := "<< /Type /Pages /Kids [4 0 R 5 0 R 6 0 R] /Count 3 >> " +
		"<< /Type /Page /Parent 3 0 R >> << /Type/Page /Parent 3 0 R >> << /Type /Page\n/Parent 3 0 R >>"
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(objects))
	zw.Close()
	var pdf bytes.Buffer
	fmt.Fprintf(&pdf, "%%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n")
	fmt.Fprintf(&pdf, "2 0 obj\n<< /Type /ObjStm /N 4 /First 0 /Filter /FlateDecode /Length %d >>\nstream\n", z.Len())
	pdf.Write(z.Bytes())
	pdf.WriteString("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
	if bytes.Contains(pdf.Bytes(), []byte("/Type /Page ")) {
		t.Fatal("the test file leaks a page object outside the stream")
	}
	n, err := PageCount(pdf.Bytes())
	if err != nil || n != 3 {
		t.Fatalf("PageCount = %d, %v; want 3", n, err)
	}
	if _, err := PageCount([]byte("<html>")); err == nil {
		t.Error("PageCount accepted a file that is not a PDF")
	}
}
