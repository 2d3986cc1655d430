package serve

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"sync"
	"time"

	"playbook/site/diag"
	"playbook/site/output"
)

// IndexDelay is how long a rebuild waits before it makes its search index: saves in quick
// succession then cost one index, not one each.
const IndexDelay = 300 * time.Millisecond

// BuildFunc builds the site; changed lists the source paths that changed since the last call
// (nil for the first build), so a caching builder can redo only what they affect. later, when
// not nil, makes files that are added to the site after the tabs were told to reload (the
// search index: slow to build, and no page shows it).
type BuildFunc func(changed []string) (site *output.Site, diags diag.List, later func() map[string][]byte)

// Session keeps a live preview in step with the sources: every rebuild either swaps in the new
// site and tells the tabs which pages changed, or keeps the last good site and shows the
// error in every tab.
type Session struct {
	Build  BuildFunc
	Server *Server
	Live   *Live
	// Log receives the diagnostics and a line per rebuild.
	Log io.Writer

	mu     sync.Mutex
	prev   *output.Site
	builds int
	// served counts the sites swapped in; a failed build does not count, so it does not
	// cancel the search index of the site still served.
	served int
}

// NewSession builds once and returns a session serving the result (or an error page when the
// sources are broken; the server still starts and the page recovers on the next good save).
func NewSession(build BuildFunc, log io.Writer) *Session {
	s := &Session{Build: build, Live: NewLive(), Log: log}
	s.Server = LiveHandler(output.New(), s.Live)
	s.Rebuild(nil)
	return s
}

// Rebuild builds again and publishes the outcome. It returns the pages that changed.
func (s *Session) Rebuild(changed []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	s.builds++
	site, diags, later := s.Build(changed)
	for _, d := range diags {
		fmt.Fprintln(s.Log, d.String())
	}
	if diags.HasErrors() {
		msg := errorText(diags)
		if s.prev == nil {
			s.Server.Set(errorSite(msg))
		}
		fmt.Fprintf(s.Log, "build failed (%d errors); still serving the last good build\n", diags.ErrorCount())
		s.Live.Publish(Event{Kind: "build-error", Message: msg})
		return nil
	}
	if later != nil && s.prev != nil {
		// Until the new index is ready, the previous one answers searches.
		for _, p := range s.prev.Paths() {
			if _, ok := site.Get(p); !ok && isLater(p) {
				data, _ := s.prev.Get(p)
				site.Add(p, data)
			}
		}
	}
	pages := Changed(s.prev, site)
	var indexed chan struct{}
	if later != nil {
		indexed = make(chan struct{})
	}
	s.Server.SetLater(indexed)
	s.Server.Set(site)
	s.prev = site
	s.served++
	if s.builds > 1 {
		fmt.Fprintf(s.Log, "rebuilt in %s: %d files changed\n", time.Since(start).Round(time.Millisecond), len(pages))
		s.Live.Publish(Event{Kind: "reload", Pages: pages})
	}
	if later != nil {
		// The search index follows in the background once the author pauses; until it is
		// in, the previous one answers. A newer site makes this one's index pointless; a
		// failed build does not, since this site stays served.
		gen := s.served
		go func() {
			defer close(indexed)
			time.Sleep(IndexDelay)
			s.mu.Lock()
			current := s.served == gen
			s.mu.Unlock()
			if !current {
				return
			}
			for p, data := range later() {
				site.Add(p, data)
			}
		}()
	}
	return pages
}

// isLater reports whether a path belongs to the files made after the reload (the search
// index), which Changed does not report.
func isLater(p string) bool { return strings.HasPrefix(p, "search/") }

// Changed lists the paths whose content differs between two sites (added, removed or edited).
func Changed(old, cur *output.Site) []string {
	if old == nil {
		return cur.Paths()
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range cur.Paths() {
		seen[p] = true
		if isLater(p) {
			continue
		}
		a, ok := old.Get(p)
		b, _ := cur.Get(p)
		if !ok || !bytes.Equal(a, b) {
			out = append(out, p)
		}
	}
	for _, p := range old.Paths() {
		if !seen[p] && !isLater(p) {
			out = append(out, p)
		}
	}
	return out
}

func errorText(diags diag.List) string {
	var b bytes.Buffer
	for _, d := range diags {
		if d.Severity == diag.Error {
			b.WriteString(d.String())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// errorSite is served while no build has succeeded yet: one page that shows the errors (and
// reloads, through the live script, once they are fixed).
func errorSite(msg string) *output.Site {
	site := output.New()
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build error</title></head>` +
		`<body><h1>The course has errors</h1><p>Fix them and save; this page reloads by itself.</p><pre>` +
		html.EscapeString(msg) + `</pre></body></html>`
	site.Add("index.html", []byte(page))
	site.Add("404.html", []byte(page))
	return site
}
