// Package output holds a built site in memory and writes it to disk atomically: into a
// temporary folder beside the target, swapped in only when every file was written. Single
// files (a report, an export) are written atomically too.
package output

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Marker is written into every output folder. Write replaces an existing folder only when it
// carries the marker, so a mistyped --out never deletes someone's documents.
const Marker = ".playbook-site"

// Site is a set of files by slash-separated path. It is safe for concurrent use.
type Site struct {
	mu    sync.Mutex
	files map[string][]byte
}

// New returns an empty Site.
func New() *Site { return &Site{files: map[string][]byte{}} }

// Add stores a file, replacing any earlier one at the same path.
func (s *Site) Add(p string, data []byte) {
	s.mu.Lock()
	s.files[p] = data
	s.mu.Unlock()
}

// Get returns the file at p.
func (s *Site) Get(p string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, ok := s.files[p]
	return data, ok
}

// Paths returns every path, sorted.
func (s *Site) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.files))
	for p := range s.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Len returns the number of files.
func (s *Site) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.files)
}

// Write puts the site into dir. It writes a sibling temporary folder first and swaps it in;
// on any failure dir is left exactly as it was. See WriteReport.
func Write(s *Site, dir string) error { return WriteReport(s, dir, nil) }

// WriteReport is Write, telling report (when not nil) what it did besides: a build killed
// in the middle of an earlier swap is repaired first (the previous site put back where the
// swap left it aside, see Recover) and the temporary folders of killed builds are removed.
func WriteReport(s *Site, dir string, report func(string)) error {
	return write(s, dir, report, nil)
}

// errKilled is what a test's crash hook makes write return at once, leaving everything as a
// killed process would.
var errKilled = errors.New("killed")

// write is WriteReport with a hook called after each step of the swap ("written",
// "moved-aside", "moved-in"); when it returns true, write stops there as if the process
// had been killed, cleaning nothing up.
func write(s *Site, dir string, report func(string), crash func(step string) bool) (err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := Recover(abs, report); err != nil {
		return err
	}
	if err := checkReplaceable(abs); err != nil {
		return err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(abs))
	if err != nil {
		return fmt.Errorf("cannot create a temporary folder beside %s: %w", abs, err)
	}
	defer func() {
		if err != nil && !errors.Is(err, errKilled) {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := writeAll(tmp, s); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte("This folder was built by Playbook and is replaced by every build.\n"), 0o644); err != nil {
		return err
	}
	if crash != nil && crash("written") {
		return errKilled
	}
	return swap(tmp, abs, crash)
}

// tempPrefix is the name with which the temporary folders of a build into dir start.
func tempPrefix(dir string) string { return "." + filepath.Base(dir) + ".building-" }

// Recover repairs what a build into dir killed during its swap left behind, and tells report:
// when dir is missing and a previous site sits aside (".<dir>.building-*.old", where the swap
// moves it while the new one goes in), the newest such folder is put back; any other folder
// left aside, and every temporary folder of a killed build, is removed. Builds into one
// folder must not run at the same time.
func Recover(dir string, report func(string)) error {
	if report == nil {
		report = func(string) {}
	}
	parent, prefix := filepath.Dir(dir), tempPrefix(dir)
	entries, err := os.ReadDir(parent)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var aside, temps []string
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if strings.HasSuffix(e.Name(), ".old") {
			aside = append(aside, filepath.Join(parent, e.Name()))
		} else {
			temps = append(temps, filepath.Join(parent, e.Name()))
		}
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) && len(aside) > 0 {
		newest := newestOf(aside)
		if err := os.Rename(newest, dir); err != nil {
			return fmt.Errorf("an earlier build was stopped while it replaced %s; putting the previous site back from %s failed: %w", dir, newest, err)
		}
		report(fmt.Sprintf("an earlier build was stopped while it replaced %s; the previous site was put back", dir))
		aside = slices.DeleteFunc(aside, func(p string) bool { return p == newest })
	}
	if stale := append(aside, temps...); len(stale) > 0 {
		for _, p := range stale {
			if err := os.RemoveAll(p); err != nil {
				return fmt.Errorf("cannot remove %s, left by a stopped build: %w", p, err)
			}
		}
		report(fmt.Sprintf("removed %d temporary folders left beside %s by stopped builds", len(stale), dir))
	}
	return nil
}

// newestOf returns the most recently modified of the folders paths.
func newestOf(paths []string) string {
	newest, when := paths[0], time.Time{}
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.ModTime().After(when) {
			newest, when = p, info.ModTime()
		}
	}
	return newest
}

// writeAll writes every file of s under root, a few at a time: a large site is thousands of
// small files, and the disk keeps up with more than one writer.
func writeAll(root string, s *Site) error {
	paths := s.Paths()
	// Create the folders first, in order, so the writers never race to make one.
	dirs := map[string]bool{}
	for _, p := range paths {
		clean := path.Clean(p)
		if clean != p || strings.HasPrefix(clean, "../") || strings.HasPrefix(clean, "/") || clean == ".." {
			return fmt.Errorf("refusing to write outside the output folder: %q", p)
		}
		if d := path.Dir(p); !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
	}
	const writers = 4
	errs := make(chan error, writers)
	next := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, _ := s.Get(p)
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(p)), data, 0o644); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// checkReplaceable refuses to replace a folder that is not empty and not an earlier output.
func checkReplaceable(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s exists and is not a folder; choose another --out", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("refusing to replace %s: it is not empty and was not built by Playbook (no %s file); choose another --out or empty it", dir, Marker)
	}
	return nil
}

// swap moves tmp into place at dir, keeping the old folder until the new one is in. crash is
// write's test hook.
func swap(tmp, dir string, crash func(step string) bool) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("cannot move the previous output aside: %w", err)
		}
	}
	if crash != nil && crash("moved-aside") {
		return errKilled
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	if crash != nil && crash("moved-in") {
		return errKilled
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
