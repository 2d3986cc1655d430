package e2e

import (
	"context"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/internal/browsertest"
	"playbook/site/pipeline"
	"playbook/site/preview"
	"playbook/site/serve"
)

// TestLivePreview edits a lesson under `playbook serve` and watches an open tab: it reloads
// on a good save, shows an overlay with the positioned error on a bad one (while the last
// good page stays), and drops the overlay on the next good save.
func TestLivePreview(t *testing.T) {
	dir := t.TempDir()
	src := "../testdata/course"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	ready := make(chan struct{})
	go func() {
		done <- preview.Run(ctx, ln, preview.Options{Src: dir, Edition: pipeline.Learner, Log: io.Discard, Ready: func(*serve.Session) { close(ready) }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("preview: %v", err)
		}
	})
	<-ready
	base := "http://" + ln.Addr().String() + "/"
	tab := chrome.Tab(t)
	problems := browsertest.CollectProblems(t, tab)
	browsertest.Open(t, tab, base+"en/day-01-basics/second.html")
	waitTrue(t, tab, `!!(window.Playbook && Playbook.live)`)
	browsertest.Eval[bool](t, tab, `(window.__marker = true)`)

	lesson := filepath.Join(dir, "content/en/day-01-basics/02-second.md")
	orig, _ := os.ReadFile(lesson)
	os.WriteFile(lesson, append(orig, "\nFresh words from the author.\n"...), 0o644)
	waitTrue(t, tab, `document.body && document.body.textContent.includes("Fresh words from the author.")`)
	if browsertest.Eval[bool](t, tab, `window.__marker === true`) {
		t.Error("the page changed without a reload")
	}
	waitTrue(t, tab, `!!(window.Playbook && Playbook.live)`)

	os.WriteFile(lesson, append(orig, "\nSee [gone](nowhere.md).\n"...), 0o644)
	waitTrue(t, tab, `!!document.getElementById("playbook-error-overlay")`)
	msg := browsertest.Eval[string](t, tab, `document.getElementById("playbook-error-overlay").textContent`)
	if !strings.Contains(msg, "content/en/day-01-basics/02-second.md:") || !strings.Contains(msg, "nowhere.md") {
		t.Errorf("the overlay does not show the positioned error: %q", msg)
	}
	if browsertest.Eval[bool](t, tab, `document.body.textContent.includes("gone")`) {
		t.Error("the broken content reached the page")
	}

	os.WriteFile(lesson, append(orig, "\nAll fixed.\n"...), 0o644)
	waitTrue(t, tab, `document.body && document.body.textContent.includes("All fixed.") && !document.getElementById("playbook-error-overlay")`)
	problems.Check(t, "live preview")
}

func waitTrue(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", expr)
}
