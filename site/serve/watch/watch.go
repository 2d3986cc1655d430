// Package watch reports changes to a course's source folders, one report per burst of saves.
package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits by default after the last change before it reports:
// editors save in bursts (write, rename, chmod) within a few milliseconds, and one rebuild
// should follow one save.
const Debounce = 25 * time.Millisecond

// Sources says what to watch in a course folder.
type Sources struct {
	// Root is the course folder.
	Root string
	// Dirs are folders under Root watched recursively (content, quizzes...).
	Dirs []string
	// Files are files directly in Root that count (playbook.yaml).
	Files []string
	// Debounce overrides the default quiet time before a change is reported (tests on busy
	// machines use a longer one).
	Debounce time.Duration
}

// Watch calls onChange once after every burst of changes to the sources, with the paths that
// changed (sorted, relative to the root, slash-separated), until ctx ends. It watches folders
// recursively, including folders created later (and source folders that appear after start),
// and ignores hidden files and editors' temporary files.
func Watch(ctx context.Context, src Sources, onChange func(paths []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(src.Root); err != nil {
		return err
	}
	for _, d := range src.Dirs {
		_ = addTree(w, filepath.Join(src.Root, d))
	}
	quiet := src.Debounce
	if quiet <= 0 {
		quiet = Debounce
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	pending := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !src.counts(ev.Name) {
				continue
			}
			if rel, err := filepath.Rel(src.Root, ev.Name); err == nil {
				pending[filepath.ToSlash(rel)] = true
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name)
				}
			}
			if timer == nil {
				timer = time.AfterFunc(quiet, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(quiet)
			}
		case <-fire:
			paths := sortedKeys(pending)
			pending = map[string]bool{}
			onChange(paths)
		case _, ok := <-w.Errors:
			if !ok {
				return nil
			}
		}
	}
}

// counts reports whether a change to the file or folder name concerns the sources: anything
// under a watched folder, and in the root only the listed files and folders, never hidden or
// temporary files.
func (src Sources) counts(name string) bool {
	if ignoredName(filepath.Base(name)) {
		return false
	}
	if filepath.Dir(name) != filepath.Clean(src.Root) {
		return true
	}
	base := filepath.Base(name)
	for _, x := range append(src.Files, src.Dirs...) {
		if base == x {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of set, sorted.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// addTree watches root and every folder under it that is not hidden or temporary.
func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && ignoredName(d.Name()) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// ignoredName reports whether a file or folder name is hidden or an editor's temporary file.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}
