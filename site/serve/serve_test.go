package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

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
