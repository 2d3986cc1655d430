package watch

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// testDebounce is long enough that a burst written by the test stays one burst even on a
// loaded machine running the race detector.
const testDebounce = 100 * time.Millisecond

func TestWatchReportsOneChangePerBurst(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	os.Mkdir(dir, 0o755)
	var calls atomic.Int32
	changed := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Watch(ctx, Sources{Root: root, Dirs: []string{"content", "quizzes"}, Files: []string{"playbook.yaml"}, Debounce: testDebounce},
			func([]string) { calls.Add(1); changed <- struct{}{} })
	}()
	time.Sleep(100 * time.Millisecond) // let the watcher start
	// A burst: write, write again, temp file, rename into place.
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("1"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("2"), 0o644)
	os.WriteFile(filepath.Join(dir, ".a.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.tmp"), []byte("x"), 0o644)
	os.Rename(filepath.Join(dir, "b.tmp"), filepath.Join(dir, "b.md"))
	waitFor(t, changed)
	time.Sleep(3 * testDebounce)
	if n := calls.Load(); n != 1 {
		t.Errorf("one burst caused %d rebuilds, want 1", n)
	}
	// A folder created later is watched too.
	os.Mkdir(filepath.Join(dir, "day-02"), 0o755)
	waitFor(t, changed)
	time.Sleep(2 * testDebounce)
	os.WriteFile(filepath.Join(dir, "day-02", "x.md"), []byte("x"), 0o644)
	waitFor(t, changed)
	// Files outside the sources do not count; the config and a new source folder do.
	os.WriteFile(filepath.Join(root, "notes.txt"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(root, "public"), 0o755)
	time.Sleep(3 * testDebounce)
	if n := calls.Load(); n != 3 {
		t.Errorf("changes outside the sources caused rebuilds: %d calls, want 3", n)
	}
	os.WriteFile(filepath.Join(root, "playbook.yaml"), []byte("x"), 0o644)
	waitFor(t, changed)
	os.Mkdir(filepath.Join(root, "quizzes"), 0o755)
	waitFor(t, changed)
	time.Sleep(2 * testDebounce)
	os.WriteFile(filepath.Join(root, "quizzes", "q.yaml"), []byte("x"), 0o644)
	waitFor(t, changed)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func waitFor(t *testing.T, ch chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
	}
}
