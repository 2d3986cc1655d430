package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"playbook/internal/corpus"
	"playbook/site/pipeline"
	"playbook/site/serve"
	"playbook/site/serve/watch"
)

// copyCourse copies the test course into a temporary folder the test may edit.
func copyCourse(t testing.TB) string {
	t.Helper()
	src := "../../testdata/course"
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// server is a running preview with an open event stream.
type server struct {
	url     string
	events  chan serve.Event
	cancel  context.CancelFunc
	done    chan error
	stopped sync.Once
}

// testDebounce keeps the bursts the tests write together even on a loaded machine running the
// race detector; the benchmark uses the default.
const testDebounce = 100 * time.Millisecond

func start(t testing.TB, dir string) *server { return startWith(t, dir, testDebounce) }

func startWith(t testing.TB, dir string, debounce time.Duration) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{url: "http://" + ln.Addr().String(), events: make(chan serve.Event, 64), cancel: cancel, done: make(chan error, 1)}
	ready := make(chan struct{})
	go func() {
		s.done <- Run(ctx, ln, Options{Src: dir, Edition: pipeline.Learner, Log: io.Discard, Debounce: debounce, Ready: func(*serve.Session) { close(ready) }})
	}()
	<-ready
	resp, err := http.Get(s.url + serve.LivePrefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var ev serve.Event
				if json.Unmarshal([]byte(data), &ev) == nil {
					s.events <- ev
				}
			}
		}
	}()
	time.Sleep(150 * time.Millisecond) // let the watcher and the stream settle
	t.Cleanup(func() { s.stop(t) })
	return s
}

func (s *server) stop(t testing.TB) {
	s.stopped.Do(func() {
		s.cancel()
		select {
		case err := <-s.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(6 * time.Second):
			t.Error("the server did not shut down")
		}
	})
}

func (s *server) next(t testing.TB) serve.Event {
	t.Helper()
	select {
	case ev := <-s.events:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
	}
	return serve.Event{}
}

// quiet fails if an event arrives within d.
func (s *server) quiet(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case ev := <-s.events:
		t.Fatalf("unexpected event %+v", ev)
	case <-time.After(d):
	}
}

func (s *server) get(t testing.TB, p string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.url + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestEditorsSaveInOddWays(t *testing.T) {
	dir := copyCourse(t)
	s := start(t, dir)
	lesson := filepath.Join(dir, "content/en/day-01-basics/02-second.md")
	page := "en/day-01-basics/second.html"
	orig, _ := os.ReadFile(lesson)

	// Write in place.
	if err := os.WriteFile(lesson, append(orig, "\nIn place.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := s.next(t)
	if ev.Kind != "reload" || !contains(ev.Pages, page) {
		t.Fatalf("write in place: %+v", ev)
	}
	if _, body := s.get(t, "/"+page); !strings.Contains(body, "In place.") || !strings.Contains(body, serve.LivePrefix+"live.js") {
		t.Error("the served page is stale or lacks the live script")
	}

	// Write a temporary file, then rename it over the lesson (vim, many IDEs).
	tmp := lesson + ".tmp"
	os.WriteFile(tmp, append(orig, "\nRenamed.\n"...), 0o644)
	os.Rename(tmp, lesson)
	if ev := s.next(t); ev.Kind != "reload" || !contains(ev.Pages, page) {
		t.Fatalf("write-then-rename: %+v", ev)
	}
	s.quiet(t, 3*testDebounce)

	// Delete, then create.
	os.Remove(lesson)
	time.Sleep(5 * time.Millisecond)
	os.WriteFile(lesson, append(orig, "\nRecreated.\n"...), 0o644)
	if ev := s.next(t); ev.Kind != "reload" {
		t.Fatalf("delete-then-create: %+v", ev)
	}
	s.quiet(t, 3*testDebounce)
	if _, body := s.get(t, "/"+page); !strings.Contains(body, "Recreated.") {
		t.Error("after delete-then-create the page is stale")
	}

	// A burst of writes and editor droppings makes one rebuild.
	for i := 0; i < 10; i++ {
		os.WriteFile(lesson, append(orig, []byte(strings.Repeat("\nBurst.", i+1))...), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "content/en/day-01-basics/.02-second.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/en/day-01-basics/02-second.md~"), []byte("x"), 0o644)
	if ev := s.next(t); ev.Kind != "reload" {
		t.Fatalf("burst: %+v", ev)
	}
	s.quiet(t, 4*testDebounce)
	if _, body := s.get(t, "/"+page); strings.Count(body, "Burst.") != 10 {
		t.Error("after the burst the page does not show the last write")
	}

	// Only temporary files: no rebuild at all.
	os.WriteFile(filepath.Join(dir, "content/en/day-01-basics/#02-second.md#"), []byte("x"), 0o644)
	s.quiet(t, 4*testDebounce)

	// A new folder is watched too.
	os.MkdirAll(filepath.Join(dir, "content/en/day-03-more"), 0o755)
	time.Sleep(3 * testDebounce)
	drain(s)
	os.WriteFile(filepath.Join(dir, "content/en/day-03-more/_index.md"), []byte("---\ntitle: More\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/en/day-03-more/01-new.md"), []byte("---\ntitle: Brand new\n---\nHello.\n"), 0o644)
	waitFor(t, s, func(ev serve.Event) bool { return ev.Kind == "reload" && contains(ev.Pages, "en/day-03-more/new.html") })
}

func drain(s *server) {
	for {
		select {
		case <-s.events:
		default:
			return
		}
	}
}

func waitFor(t *testing.T, s *server, ok func(serve.Event) bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case ev := <-s.events:
			if ok(ev) {
				return
			}
		case <-deadline:
			t.Fatal("the expected event never came")
		}
	}
}

func TestErrorsKeepTheLastGoodSite(t *testing.T) {
	dir := copyCourse(t)
	s := start(t, dir)
	lesson := filepath.Join(dir, "content/en/day-01-basics/02-second.md")
	orig, _ := os.ReadFile(lesson)
	os.WriteFile(lesson, append(orig, "\nSee [gone](nowhere.md).\n"...), 0o644)
	ev := s.next(t)
	if ev.Kind != "build-error" || !strings.Contains(ev.Message, "content/en/day-01-basics/02-second.md:") || !strings.Contains(ev.Message, "nowhere.md") {
		t.Fatalf("want a positioned build error, got %+v", ev)
	}
	if code, body := s.get(t, "/en/day-01-basics/second.html"); code != 200 || strings.Contains(body, "gone") {
		t.Errorf("the last good page should still be served: %d", code)
	}
	// A tab that opens now learns about the error at once.
	resp, err := http.Get(s.url + serve.LivePrefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	first := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				first <- sc.Text()
				return
			}
		}
	}()
	select {
	case line := <-first:
		if line != "event: build-error" {
			t.Errorf("a new tab got %q first", line)
		}
	case <-time.After(3 * time.Second):
		t.Error("a new tab was not told about the error")
	}
	resp.Body.Close()
	os.WriteFile(lesson, orig, 0o644)
	if ev := s.next(t); ev.Kind != "reload" {
		t.Fatalf("after the fix: %+v", ev)
	}
}

func TestOnlyFilesOfTheSiteAreServed(t *testing.T) {
	dir := copyCourse(t)
	s := start(t, dir)
	for _, p := range []string{"/../../../etc/passwd", "/en/%2e%2e/%2e%2e/etc/passwd", "/content/en/day-01-basics/01-first.md", "/playbook.yaml", "/en/day-01-basics/"} {
		code, body := s.get(t, p)
		if strings.Contains(body, "root:") || strings.Contains(body, "title:") {
			t.Errorf("%s leaked a file outside the site", p)
		}
		if p != "/en/day-01-basics/" && code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, code)
		}
	}
	resp, err := http.Get(s.url + "/assets/playbook.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/css; charset=utf-8" {
		t.Errorf("css content type %q", ct)
	}
	resp, err = http.Get(s.url + serve.LivePrefix + "live.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
		t.Errorf("js content type %q", ct)
	}
}

// TestForeignHostsAreRefused checks that the running preview answers only its own names: a
// page that points a domain of its own at 127.0.0.1 gets neither the pages nor the stream.
func TestForeignHostsAreRefused(t *testing.T) {
	s := start(t, copyCourse(t))
	for _, c := range []struct {
		host, path string
		status     int
	}{
		{"localhost", "/en/index.html", http.StatusOK},
		{"evil.example", "/en/index.html", http.StatusMisdirectedRequest},
		{"evil.example", "/assets/playbook.css", http.StatusMisdirectedRequest},
		{"evil.example", serve.LivePrefix + "live.js", http.StatusMisdirectedRequest},
		{"evil.example", serve.LivePrefix + "events", http.StatusMisdirectedRequest},
	} {
		req, _ := http.NewRequest("GET", s.url+c.path, nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("Host %s, %s: %d, want %d", c.host, c.path, resp.StatusCode, c.status)
		}
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	dir := copyCourse(t)
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("---\ntitle: Secret\n---\nsecret text\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "content/en/day-01-basics/03-secret.md")); err != nil {
		t.Skip("cannot make a symbolic link here:", err)
	}
	res := pipeline.Build(os.DirFS(dir), pipeline.Options{})
	if !strings.Contains(res.Diags.Error(), "symbolic link") {
		t.Errorf("a symbolic link was followed:\n%v", res.Diags)
	}
}

func TestShutdownLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := copyCourse(t)
	s := start(t, dir)
	s.get(t, "/en/index.html")
	s.stop(t)
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before+1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+1 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after shutdown:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

// BenchmarkSaveToReload measures what an author waits for: from writing a lesson to the
// reload event on the open tab's stream. It reports the 50th and 95th percentiles.
//
//	go test ./site/preview -run '^$' -bench SaveToReload -benchtime 40x
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("bundled", func(b *testing.B) {
		dir := b.TempDir()
		for _, name := range []string{"playbook.yaml", "content", "quizzes", "checklists", "worksheets"} {
			if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil && name != "playbook.yaml" {
				b.Fatal(err)
			}
		}
		data, _ := os.ReadFile("../../playbook.yaml")
		os.WriteFile(filepath.Join(dir, "playbook.yaml"), data, 0o644)
		benchmarkSave(b, dir, "content/en/day-01-what-crm-is/02-relationship-stages.md")
	})
	b.Run("lessons=10000", func(b *testing.B) {
		dir := b.TempDir()
		if err := corpus.Write(corpus.Generate(10000), dir); err != nil {
			b.Fatal(err)
		}
		benchmarkSave(b, dir, "content/en/day-03-topic/0002-lesson-2.md")
	})
}

func benchmarkSave(b *testing.B, dir, lesson string) {
	s := startWith(b, dir, 0)
	path := filepath.Join(dir, lesson)
	orig, _ := os.ReadFile(path)
	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		os.WriteFile(path, append(orig, []byte(fmt.Sprintf("\nEdit %d.\n", i))...), 0o644)
		for {
			ev := s.next(b)
			if ev.Kind == "reload" {
				break
			}
			if ev.Kind == "build-error" {
				b.Fatal(ev.Message)
			}
		}
		took = append(took, time.Since(t0))
		time.Sleep(2 * watch.Debounce) // keep saves apart, as an author's are
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}

// TestEveryInputIsWatched edits each kind of file the course reads, the framework table at
// the root among them, and waits for the rebuild each edit must cause.
func TestEveryInputIsWatched(t *testing.T) {
	dir := copyCourse(t)
	s := start(t, dir)
	for _, name := range []string{"frameworks.yaml", "playbook.yaml", "quizzes/basics.yaml", "checklists/prospects.yaml", "worksheets/tiers.yaml", "content/en/day-01-basics/01-first.md"} {
		p := filepath.Join(dir, name)
		orig, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// An unknown key (YAML) or a link to nowhere (Markdown) breaks the build.
		broken := append(append([]byte{}, orig...), "\nnot_a_key: 1\n"...)
		if strings.HasSuffix(name, ".md") {
			broken = append(append([]byte{}, orig...), "\nSee [gone](nowhere.md).\n"...)
		}
		if name == "frameworks.yaml" {
			broken = append(append([]byte{}, orig...), "- id: broken\n  name: {en: Broken, zh-CN: 坏}\n  sections: [day-01-basics/no-such-lesson.md]\n"...)
		}
		os.WriteFile(p, broken, 0o644)
		if ev := s.next(t); ev.Kind != "build-error" || !strings.Contains(ev.Message, name) {
			t.Fatalf("after breaking %s: want a build error naming it, got %+v", name, ev)
		}
		os.WriteFile(p, orig, 0o644)
		if ev := s.next(t); ev.Kind != "reload" {
			t.Fatalf("after repairing %s: %+v", name, ev)
		}
	}
}
