package browsertest

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// NavigationTimeout limits how long Follow waits for the page a click opens.
const NavigationTimeout = 15 * time.Second

// FileURL returns the file:// URL of a file, in the form the browser reports it: an absolute
// path, each segment percent-encoded where needed.
func FileURL(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// SiteRoot returns the file:// URL of a site folder, ending in a slash, so that every URL of
// a file inside the folder starts with it and no URL of a sibling folder does.
func SiteRoot(dir string) string {
	return strings.TrimSuffix(FileURL(dir), "/") + "/"
}

// SiteURL returns the file:// URL of the page at the slash-separated path page inside the
// site folder dir, for example SiteURL(dir, "en/index.html").
func SiteURL(dir, page string) string {
	return FileURL(filepath.Join(dir, filepath.FromSlash(page)))
}

// Open loads url in the tab and waits for it to load, failing the test when it does not.
func Open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	progress(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, why(ctx, err))
	}
}

// Follow clicks the first element sel selects, as a person would, waits until the document
// the click opens has loaded, and returns its URL. sel is a chromedp selector: chromedp.CSS
// for a CSS selector, or a plain string for an XPath query or text search, such as
// `//a[normalize-space()="简体中文"]`. It fails the test when the element is missing or the
// click opens no new document within NavigationTimeout.
func Follow[S chromedp.Selectable](t testing.TB, ctx context.Context, sel S) string {
	t.Helper()
	progress(ctx)
	before := Location(t, ctx)
	cctx, cancel := context.WithTimeout(ctx, NavigationTimeout)
	defer cancel()
	if _, err := chromedp.RunResponse(cctx, chromedp.Click(sel)); err != nil {
		t.Fatalf("on %s, following %v: %v", before, sel, why(ctx, err))
	}
	return Location(t, ctx)
}

// WaitURL waits until the tab shows a fully loaded document at want, for navigations the
// page starts by itself, such as a meta refresh, and fails the test after NavigationTimeout.
func WaitURL(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	deadline := time.Now().Add(NavigationTimeout)
	last := ""
	for time.Now().Before(deadline) {
		// Errors are expected while the old document goes and the new one comes.
		state, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, document.readyState]`))
		if err == nil && len(state) == 2 {
			last = state[0]
			if state[0] == want && state[1] == "complete" {
				return
			}
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(25*time.Millisecond)); err != nil {
			t.Fatalf("waiting for %s: %v", want, err)
		}
	}
	t.Fatalf("waited %s for %s; the tab shows %s", NavigationTimeout, want, last)
}

// Location returns the URL of the document loaded in the tab, fragment included.
func Location(t testing.TB, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("reading the location: %v", err)
	}
	return loc
}

// Eval evaluates a JavaScript expression in the page and returns its value decoded into T.
// It fails the test when the expression throws or its value does not fit T.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// why returns the reason the tab's context ended, when it did, else err.
func why(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil {
		return cause
	}
	return err
}
