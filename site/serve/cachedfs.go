package serve

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
)

// CachedFS reads a folder through a cache that the watcher keeps fresh: a rebuild reads from
// disk only the files that changed since the last one. It is safe for concurrent use.
type CachedFS struct {
	fsys  fs.FS
	mu    sync.Mutex
	files map[string][]byte
	stats map[string]fs.FileInfo
	dirs  map[string][]fs.DirEntry
}

// NewCachedFS returns a cached view of the folder root.
func NewCachedFS(root string) *CachedFS {
	c := &CachedFS{fsys: os.DirFS(root)}
	c.Invalidate(nil)
	return c
}

// Invalidate forgets what is known of paths (slash-separated, relative to the root), of
// everything below them, and of their folders' listings. With no paths it forgets
// everything.
func (c *CachedFS) Invalidate(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(paths) == 0 {
		c.files, c.stats, c.dirs = map[string][]byte{}, map[string]fs.FileInfo{}, map[string][]fs.DirEntry{}
		return
	}
	for _, p := range paths {
		p = path.Clean(p)
		for _, m := range []string{p, path.Dir(p)} {
			delete(c.files, m)
			delete(c.stats, m)
			delete(c.dirs, m)
		}
		prefix := p + "/"
		for k := range c.files {
			if strings.HasPrefix(k, prefix) {
				delete(c.files, k)
			}
		}
		for k := range c.stats {
			if strings.HasPrefix(k, prefix) {
				delete(c.stats, k)
			}
		}
		for k := range c.dirs {
			if strings.HasPrefix(k, prefix) {
				delete(c.dirs, k)
			}
		}
	}
}

// Open implements fs.FS.
func (c *CachedFS) Open(name string) (fs.File, error) { return c.fsys.Open(name) }

// ReadFile implements fs.ReadFileFS.
func (c *CachedFS) ReadFile(name string) ([]byte, error) {
	c.mu.Lock()
	data, ok := c.files[name]
	c.mu.Unlock()
	if ok {
		return data, nil
	}
	data, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.files[name] = data
	c.mu.Unlock()
	return data, nil
}

// Stat implements fs.StatFS.
func (c *CachedFS) Stat(name string) (fs.FileInfo, error) {
	c.mu.Lock()
	info, ok := c.stats[name]
	c.mu.Unlock()
	if ok {
		return info, nil
	}
	info, err := fs.Stat(c.fsys, name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.stats[name] = info
	c.mu.Unlock()
	return info, nil
}

// ReadDir implements fs.ReadDirFS.
func (c *CachedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	entries, ok := c.dirs[name]
	c.mu.Unlock()
	if ok {
		return entries, nil
	}
	entries, err := fs.ReadDir(c.fsys, name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.dirs[name] = entries
	c.mu.Unlock()
	return entries, nil
}
