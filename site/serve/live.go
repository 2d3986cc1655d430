package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// LivePrefix is the URL folder of the live-reload endpoints. It exists only in serve mode; a
// built site never contains it.
const LivePrefix = "/_playbook/"

//go:embed live.js
var liveScript []byte

// Event is a message to the open tabs.
type Event struct {
	// Kind is "reload" (Pages changed), "build-error" (Message says what broke; the last good
	// site is still served) or "ok" (the error is fixed).
	Kind    string   `json:"kind"`
	Pages   []string `json:"pages,omitempty"`
	Message string   `json:"message,omitempty"`
}

// Live sends events to every open tab over Server-Sent Events.
type Live struct {
	mu      sync.Mutex
	clients map[chan Event]bool
	// lastError is repeated to tabs that connect while the content is broken.
	lastError *Event
	closed    bool
}

// NewLive returns a Live with no clients.
func NewLive() *Live { return &Live{clients: map[chan Event]bool{}} }

// Publish sends ev to every connected tab. An error event is remembered until an ok or
// reload event clears it.
func (l *Live) Publish(ev Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ev.Kind == "build-error" {
		e := ev
		l.lastError = &e
	} else {
		l.lastError = nil
	}
	for c := range l.clients {
		select {
		case c <- ev:
		default: // a tab that does not keep up misses the event rather than stalling the server
		}
	}
}

// Close ends every open event stream, so the server can shut down without waiting for them.
func (l *Live) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for c := range l.clients {
		close(c)
		delete(l.clients, c)
	}
	l.closed = true
}

// Clients returns the number of connected tabs.
func (l *Live) Clients() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

func (l *Live) subscribe() (chan Event, *Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := make(chan Event, 16)
	if l.closed {
		close(c)
		return c, nil
	}
	l.clients[c] = true
	return c, l.lastError
}

func (l *Live) unsubscribe(c chan Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.clients[c] {
		delete(l.clients, c)
	}
}

// ServeHTTP serves the event stream and the page script.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case LivePrefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(liveScript)
	case LivePrefix + "events":
		l.stream(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (l *Live) stream(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	c, pending := l.subscribe()
	defer l.unsubscribe(c)
	fmt.Fprint(w, "retry: 500\n\n")
	if pending != nil {
		writeEvent(w, *pending)
	}
	flusher.Flush()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, open := <-c:
			if !open {
				return
			}
			writeEvent(w, ev)
			flusher.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev Event) {
	data, _ := json.Marshal(ev)
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Kind, data)
}
