// Package browsertest runs tests in a real, headless Chromium. It finds and starts the
// browser, opens tabs, records the requests a page makes and the problems it reports (console
// errors, uncaught exceptions, Content-Security-Policy violations), prints pages to PDF and
// builds file:// URLs of a site folder.
//
// A test package that opens many pages shares one browser process:
//
//	var chrome browsertest.Shared
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		chrome.Close()
//		os.Exit(code)
//	}
//
//	func TestHome(t *testing.T) {
//		ctx := chrome.Tab(t)
//		...
//	}
//
// A single test can also start a browser of its own with [Browser].
//
// When no browser is installed the tests are skipped, unless the environment variable
// PLAYBOOK_REQUIRE_BROWSER is 1: then they fail, so that a CI job that must run them cannot
// pass by skipping them.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/site/pdf"
)

// EnvChromium names the environment variable that gives the browser to run: a path, or a
// command name looked up on PATH.
const EnvChromium = pdf.EnvChromium

// EnvRequire names the environment variable that turns a missing browser from a skip into a
// failure when it is "1".
const EnvRequire = "PLAYBOOK_REQUIRE_BROWSER"

// SkipMessage is the reason given when the browser tests are skipped.
const SkipMessage = "browser tests need Chromium: install it (apt-get install -y chromium) or set " + EnvChromium

// TabTimeout limits how long a tab may go without opening a page, so that a page that never
// loads fails the test with a clear error instead of hanging until the test binary times
// out. Every page opened (Open, Follow) starts the time again: a test that visits hundreds
// of pages on a busy machine is slow, not stuck.
const TabTimeout = 2 * time.Minute

// errNotFound means no browser is installed.
var errNotFound = pdf.ErrNoChromium

// FindChromium returns the path of the browser, as playbook pdf finds it: the value of
// PLAYBOOK_CHROMIUM when set, else the first of the usual Chromium and Chrome commands on
// PATH. The error says what was tried.
func FindChromium() (string, error) { return pdf.FindChromium("") }

// requireChromium returns the browser's path, or skips the test (fails it when
// PLAYBOOK_REQUIRE_BROWSER=1). A PLAYBOOK_CHROMIUM that names nothing always fails: whoever
// set it wants the tests to run.
func requireChromium(t testing.TB) string {
	t.Helper()
	p, err := FindChromium()
	switch {
	case err == nil:
		return p
	case !errors.Is(err, errNotFound):
		t.Fatalf("browser tests: %v", err)
	case os.Getenv(EnvRequire) == "1":
		t.Fatalf("browser tests: %v, and %s=1 requires them to run; install Chromium (apt-get install -y chromium) or set %s to its path", err, EnvRequire, EnvChromium)
	default:
		t.Skip(SkipMessage)
	}
	return ""
}

// allocatorOptions are the flags of every browser the package starts: headless, usable as
// root inside a container, and quiet on the network, so that every request a test sees comes
// from the page under test.
func allocatorOptions(execPath, userDataDir string) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0], chromedp.DefaultExecAllocatorOptions[:]...)
	return append(opts,
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.WindowSize(1280, 800),
		chromedp.UserDataDir(userDataDir),
	)
}

// start launches a browser and returns the context of its first tab and a func that stops
// the browser and waits for it to exit.
func start(execPath, userDataDir string) (context.Context, func(), error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(execPath, userDataDir)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	stop := func() {
		cancelCtx()
		cancelAlloc()
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting %s: %w", execPath, err)
	}
	return ctx, stop, nil
}

// watchdogKey finds a tab's watchdog among its context's values.
type watchdogKey struct{}

// limit gives a tab context a watchdog that ends it after TabTimeout without a page opened
// (see progress), and ends it 5 seconds before the test's own deadline, if it has one.
func limit(t testing.TB, ctx context.Context) context.Context {
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if td, ok := d.Deadline(); ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithDeadline(ctx, td.Add(-5*time.Second))
			t.Cleanup(cancel)
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	dog := time.AfterFunc(TabTimeout, func() {
		cancel(fmt.Errorf("the tab opened no page for %s: %w", TabTimeout, context.DeadlineExceeded))
	})
	t.Cleanup(func() { dog.Stop(); cancel(nil) })
	return context.WithValue(ctx, watchdogKey{}, dog)
}

// progress restarts the watchdog of the tab of ctx: it opened a page.
func progress(ctx context.Context) {
	if dog, ok := ctx.Value(watchdogKey{}).(*time.Timer); ok {
		dog.Reset(TabTimeout)
	}
}

// Browser starts a headless Chromium for this test alone, with a fresh profile in
// t.TempDir(), and returns the context of its tab. The browser stops when the test ends.
// Use a [Shared] browser in packages with many browser tests: starting one costs about a
// second.
func Browser(t testing.TB) context.Context {
	t.Helper()
	execPath := requireChromium(t)
	ctx, stop, err := start(execPath, t.TempDir())
	if err != nil {
		t.Fatalf("browser tests: %v", err)
	}
	t.Cleanup(stop)
	return limit(t, ctx)
}

// Shared is one browser process for a whole test binary. Its zero value is ready: the first
// call of Tab starts the browser, and TestMain must call Close after m.Run. Tab is safe for
// parallel tests; every call opens a new tab.
type Shared struct {
	mu      sync.Mutex
	started bool
	ctx     context.Context
	stop    func()
	dir     string
	err     error
}

// Tab opens a new tab in the shared browser, starting the browser on first use, and returns
// its context. The tab closes when the test ends. Like Browser, it skips the test when no
// browser is installed.
func (s *Shared) Tab(t testing.TB) context.Context {
	t.Helper()
	execPath := requireChromium(t)
	s.mu.Lock()
	if !s.started {
		s.started = true
		s.dir, s.err = os.MkdirTemp("", "playbook-chromium-")
		if s.err == nil {
			s.ctx, s.stop, s.err = start(execPath, s.dir)
		}
	}
	parent, err := s.ctx, s.err
	s.mu.Unlock()
	if err != nil {
		t.Fatalf("browser tests: %v", err)
	}
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browser tests: opening a tab: %v", err)
	}
	return limit(t, ctx)
}

// Close stops the shared browser and removes its profile. It is safe to call when no test
// started the browser, and more than once.
func (s *Shared) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
		s.dir = ""
	}
	s.err = errors.New("the shared browser is closed")
}
