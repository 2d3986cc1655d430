package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"playbook/site/diag"
	"playbook/site/output"
)

func TestHandler(t *testing.T) {
	site := output.New()
	site.Add("index.html", []byte("root"))
	site.Add("en/index.html", []byte("en home"))
	site.Add("en/day-01/a.html", []byte("lesson"))
	site.Add("assets/x.js", []byte("js"))
	site.Add("404.html", []byte("not found page"))
	srv := httptest.NewServer(Handler(site))
	defer srv.Close()
	tests := []struct {
		path   string
		status int
		body   string
		ctype  string
	}{
		{"/", 200, "root", "text/html; charset=utf-8"},
		{"/en/", 200, "en home", "text/html; charset=utf-8"},
		{"/en/day-01/a.html", 200, "lesson", "text/html; charset=utf-8"},
		{"/assets/x.js", 200, "js", "text/javascript; charset=utf-8"},
		{"/nope.html", 404, "not found page", "text/html; charset=utf-8"},
		{"/../../etc/passwd", 404, "not found page", ""},
		{"/en/%2e%2e/%2e%2e/etc/passwd", 404, "not found page", ""},
		{"/en/..%2f..%2fetc/passwd", 404, "not found page", ""},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || string(body) != tt.body {
			t.Errorf("%s: %d %q, want %d %q", tt.path, resp.StatusCode, body, tt.status, tt.body)
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, resp.Header.Get("Content-Type"), tt.ctype)
		}
	}
	resp, err := http.Post(srv.URL+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestDirectoryWithoutSlashRedirects(t *testing.T) {
	site := output.New()
	site.Add("en/index.html", []byte("en home"))
	rec := httptest.NewRecorder()
	Handler(site).ServeHTTP(rec, httptest.NewRequest("GET", "/en", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/en/" {
		t.Errorf("got %d %q", rec.Code, rec.Header().Get("Location"))
	}
}

// TestSearchFilesWaitForTheIndex checks that while a site's search index is on its way, a
// request for one of its files waits for it instead of failing, and that nothing else waits.
func TestSearchFilesWaitForTheIndex(t *testing.T) {
	site := output.New()
	site.Add("en/index.html", []byte("en home"))
	srv := Handler(site)
	indexed := make(chan struct{})
	srv.SetLater(indexed)
	get := func(ctx context.Context, p string) <-chan *httptest.ResponseRecorder {
		out := make(chan *httptest.ResponseRecorder, 1)
		go func() {
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest("GET", p, nil).WithContext(ctx))
			out <- rec
		}()
		return out
	}

	// A missing page does not wait for the index.
	select {
	case rec := <-get(context.Background(), "/en/nope.html"):
		if rec.Code != http.StatusNotFound {
			t.Errorf("missing page: %d, want 404", rec.Code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a missing page waited for the search index")
	}

	// A cancelled request stops waiting.
	ctx, cancel := context.WithCancel(context.Background())
	cancelled := get(ctx, "/search/en/t-1.js")
	cancel()
	select {
	case rec := <-cancelled:
		if rec.Code != http.StatusNotFound {
			t.Errorf("cancelled request: %d, want 404", rec.Code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a cancelled request kept waiting")
	}

	meta := get(context.Background(), "/search/en/meta.js")
	missing := get(context.Background(), "/search/en/t-9.js")
	select {
	case rec := <-meta:
		t.Fatalf("meta.js answered %d before the index was in", rec.Code)
	case <-time.After(100 * time.Millisecond):
	}
	site.Add("search/en/meta.js", []byte("Playbook.searchLoad({});\n"))
	close(indexed)
	for _, c := range []struct {
		name   string
		rec    <-chan *httptest.ResponseRecorder
		status int
		body   string
	}{
		{"meta.js", meta, http.StatusOK, "Playbook.searchLoad({});\n"},
		{"a file the index does not have", missing, http.StatusNotFound, ""},
	} {
		select {
		case rec := <-c.rec:
			if rec.Code != c.status || (c.body != "" && rec.Body.String() != c.body) {
				t.Errorf("%s: %d %q, want %d %q", c.name, rec.Code, rec.Body.String(), c.status, c.body)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still waiting after the index came in", c.name)
		}
	}
}

// TestSessionServesTheIndexToEarlyRequests checks a preview's first moments: a page asks for
// the search index before the background build has made it, and gets it.
func TestSessionServesTheIndexToEarlyRequests(t *testing.T) {
	release := make(chan struct{})
	build := func([]string) (*output.Site, diag.List, func() map[string][]byte) {
		site := output.New()
		site.Add("en/index.html", []byte("en home"))
		return site, nil, func() map[string][]byte {
			<-release
			return map[string][]byte{"search/en/meta.js": []byte("meta")}
		}
	}
	s := NewSession(build, io.Discard)
	srv := httptest.NewServer(s.Server)
	defer srv.Close()
	type answer struct {
		status int
		body   string
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Get(srv.URL + "/search/en/meta.js")
		if err != nil {
			got <- answer{err: err}
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- answer{status: resp.StatusCode, body: string(body)}
	}()
	time.Sleep(IndexDelay + 100*time.Millisecond)
	close(release)
	select {
	case a := <-got:
		if a.err != nil || a.status != http.StatusOK || a.body != "meta" {
			t.Errorf("early request: %d %q %v, want 200 \"meta\"", a.status, a.body, a.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the early request never got the index")
	}
}

// TestFailedBuildKeepsTheServedIndex checks that a save that breaks the content right after a
// good one does not cancel the good site's search index: that site stays served, and its
// search must work.
func TestFailedBuildKeepsTheServedIndex(t *testing.T) {
	calls := 0
	build := func([]string) (*output.Site, diag.List, func() map[string][]byte) {
		calls++
		if calls == 2 {
			var l diag.List
			l.Errorf(diag.Pos{Path: "content/en/a.md", Line: 1, Col: 1}, "broken")
			return nil, l, nil
		}
		site := output.New()
		site.Add("en/index.html", []byte("en home"))
		return site, nil, func() map[string][]byte {
			return map[string][]byte{"search/en/meta.js": []byte("meta")}
		}
	}
	s := NewSession(build, io.Discard)
	s.Rebuild([]string{"content/en/a.md"}) // fails at once, before the index is made
	rec := httptest.NewRecorder()
	s.Server.ServeHTTP(rec, httptest.NewRequest("GET", "/search/en/meta.js", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != "meta" {
		t.Errorf("after a failed build: %d %q, want the served site's index", rec.Code, rec.Body.String())
	}
}
