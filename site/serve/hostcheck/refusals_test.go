package hostcheck

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a time a test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// TestRefusalsLogFirstThenOnceAMinute checks the log of refused hosts: a line for the first
// refusal of each name (port and case aside), none for a flood of the same name, a count at
// most once a minute, names past maxNamedHosts counted only, and a Host header quoted and
// cut so that it cannot forge lines or fill the log.
func TestRefusalsLogFirstThenOnceAMinute(t *testing.T) {
	c := &clock{time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	var log strings.Builder
	r := newRefusals(&log, c.now)
	lines := func() []string { return strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n") }

	for range 1000 {
		r.refused("evil.example")
	}
	r.refused("EVIL.example:8080")
	if got := lines(); len(got) != 1 || !strings.Contains(got[0], `refused a request for host "evil.example" (421)`) || !strings.Contains(got[0], "--allow-host") {
		t.Fatalf("after a flood of one name the log reads:\n%s", log.String())
	}
	c.t = c.t.Add(59 * time.Second)
	r.refused("evil.example")
	r.refused("trainer-laptop.local")
	r.refused("")
	if got := lines(); len(got) != 3 || !strings.Contains(got[1], `"trainer-laptop.local"`) || !strings.Contains(got[2], "without a Host header") {
		t.Fatalf("new names get a line each:\n%s", log.String())
	}
	c.t = c.t.Add(time.Minute)
	r.refused("evil.example")
	if got := lines(); len(got) != 4 || got[3] != "refused 1002 more requests for hosts the preview does not answer to (421) since 09:00:00" {
		t.Fatalf("a minute after the last line, the count:\n%s", log.String())
	}
	c.t = c.t.Add(30 * time.Second)
	r.refused("evil.example")
	c.t = c.t.Add(20 * time.Second)
	r.refused("evil.example")
	if got := lines(); len(got) != 4 {
		t.Fatalf("a second count within the minute:\n%s", log.String())
	}
	c.t = c.t.Add(10 * time.Second)
	r.refused("evil.example")
	if got := lines(); len(got) != 5 || got[4] != "refused 3 more requests for hosts the preview does not answer to (421) since 09:02:29" {
		t.Fatalf("the next count:\n%s", log.String())
	}

	// Many names: only maxNamedHosts get a line; the rest are counted.
	log.Reset()
	r = newRefusals(&log, c.now)
	for i := range 500 {
		r.refused(fmt.Sprintf("host-%d.example", i))
	}
	if got := lines(); len(got) != maxNamedHosts {
		t.Fatalf("500 names gave %d lines, want %d", len(got), maxNamedHosts)
	}

	// A Host header cannot add a line of its own, nor a long line.
	log.Reset()
	r = newRefusals(&log, c.now)
	r.refused("evil.example\nrebuilt in 1ms: 0 files changed" + strings.Repeat("x", 5000))
	if got := lines(); len(got) != 1 || len(got[0]) > 300 || !strings.Contains(got[0], `\nrebuilt`) {
		t.Fatalf("a hostile Host header gave:\n%s", log.String())
	}

	// No log, no lines, no trouble.
	newRefusals(nil, c.now).refused("evil.example")
}

// TestGuardLogsRefusals checks that the guard logs what it refuses, once per name, from
// many requests at once, and nothing for the requests it answers.
func TestGuardLogsRefusals(t *testing.T) {
	hosts, err := NewHosts(loopback(8080), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var log strings.Builder
	guard := hosts.Guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return log.Write(p)
	}))
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			req := httptest.NewRequest("GET", "/", nil)
			req.Host = "localhost:8080"
			if i%2 == 0 {
				req.Host = "rebind.example"
			}
			w := httptest.NewRecorder()
			guard.ServeHTTP(w, req)
			if want := map[bool]int{true: 421, false: 200}[i%2 == 0]; w.Code != want {
				t.Errorf("request for %s: %d, want %d", req.Host, w.Code, want)
			}
		})
	}
	wg.Wait()
	if got := log.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, `"rebind.example"`) {
		t.Errorf("100 refusals of one name logged:\n%s", got)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
