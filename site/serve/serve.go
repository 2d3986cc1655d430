// Package serve serves a built site from memory over HTTP, for the live preview.
package serve

import (
	"bytes"
	"context"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync/atomic"
	"time"

	"playbook/site/output"
)

// Server serves the current version of a site; Set swaps in a new build atomically, so a
// request sees either the old site or the new one, never a mix. With live preview on, HTML
// pages get the live-reload script and /_playbook/ serves the event stream; a built site
// never contains either.
type Server struct {
	site atomic.Pointer[output.Site]
	live *Live
	// later, when set, is closed once the files the current site gets after it is served
	// (its search index) are in.
	later atomic.Pointer[chan struct{}]
}

// LaterWait is the longest a request for a file of the search index waits for an index on
// its way, rather than failing.
const LaterWait = 20 * time.Second

// Handler returns a Server serving site.
func Handler(site *output.Site) *Server {
	s := &Server{}
	s.Set(site)
	return s
}

// LiveHandler returns a Server serving site with live preview through live.
func LiveHandler(site *output.Site, live *Live) *Server {
	s := Handler(site)
	s.live = live
	return s
}

// Set replaces the served site.
func (s *Server) Set(site *output.Site) { s.site.Store(site) }

// SetLater tells the server that files under search/ are on their way to the site it serves
// (call it before Set): done is closed once they are in. Until then a request for one that
// is missing waits, up to LaterWait, instead of getting 404: a page opened in the first
// moments of a preview finds its search index. nil says that no files are on their way.
func (s *Server) SetLater(done chan struct{}) {
	if done == nil {
		s.later.Store(nil)
		return
	}
	s.later.Store(&done)
}

// waitLater waits for the file p of the search index while an index is on its way, and
// returns it once it is in; false when the index came without it, or on timeout, or when the
// request is cancelled.
func (s *Server) waitLater(ctx context.Context, p string) ([]byte, bool) {
	timeout := time.NewTimer(LaterWait)
	defer timeout.Stop()
	for {
		done := s.later.Load()
		if done == nil {
			return nil, false
		}
		select {
		case <-*done:
		case <-ctx.Done():
			return nil, false
		case <-timeout.C:
			return nil, false
		}
		if data, ok := s.site.Load().Get(p); ok {
			return data, true
		}
		if s.later.Load() == done { // that index is in, and has no such file
			return nil, false
		}
	}
}

// ServeHTTP serves the files of the site. Paths ending in "/" serve their index.html; anything
// not in the site gets 404.html when the site has one. Only files of the site can be reached:
// lookups go through the site's own map, never the disk.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.live != nil && strings.HasPrefix(r.URL.Path, LivePrefix) {
		s.live.ServeHTTP(w, r)
		return
	}
	site := s.site.Load()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if p == "" || strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	data, ok := site.Get(p)
	if !ok && isLater(p) {
		data, ok = s.waitLater(r.Context(), p)
	}
	if !ok {
		if _, isDir := site.Get(path.Join(p, "index.html")); isDir {
			http.Redirect(w, r, "/"+p+"/", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if page, ok := site.Get("404.html"); ok {
			_, _ = w.Write(page)
		} else {
			_, _ = w.Write([]byte("<!DOCTYPE html><title>404</title><p>Not found.</p>"))
		}
		return
	}
	if s.live != nil && strings.HasSuffix(p, ".html") {
		data = injectLive(data)
	}
	w.Header().Set("Content-Type", ContentType(p))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(data)
}

var liveTag = []byte(`<script src="` + LivePrefix + `live.js" defer></script>`)

// injectLive adds the live-reload script to a page, before </head> (or at the start when the
// page has no head).
func injectLive(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		i = 0
	}
	out := make([]byte, 0, len(page)+len(liveTag))
	out = append(out, page[:i]...)
	out = append(out, liveTag...)
	return append(out, page[i:]...)
}

// ContentType returns the MIME type for a file name, with UTF-8 for text.
func ContentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
