package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// testLRS is the LMS's side of cmi5 on 127.0.0.1: the fetch URL that hands out the auth
// token (once a launch), the State API (LMS.LaunchData and the AU's own documents) and the
// Statement API, which keeps what it receives in order. It answers the wrapper's origin only
// (CORS), as an LMS on another host than its content does.
type testLRS struct {
	*httptest.Server
	origin string

	mu         sync.Mutex
	token      string
	fetches    int
	statements []map[string]any
	raw        []json.RawMessage
	state      map[string][]byte
	problems   []string
}

// newLRS starts a test LRS that lets pages of origin call it.
func newLRS(t *testing.T, origin string) *testLRS {
	l := &testLRS{origin: origin, state: map[string][]byte{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/fetch", l.fetch)
	mux.HandleFunc("/xapi/activities/state", l.authorized(l.stateDoc))
	mux.HandleFunc("/xapi/statements", l.authorized(l.postStatements))
	l.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", l.origin)
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version")
		h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(l.Close)
	return l
}

// launch readies a new launch: a fresh auth token, and the LaunchData of the session.
func (l *testLRS) launch(token string, key string, launchData map[string]any) {
	data, _ := json.Marshal(launchData)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.token, l.fetches = token, 0
	l.state["LMS.LaunchData|"+key] = data
}

// fetch hands out the token once, as cmi5's fetch URL does; a second call is an error.
func (l *testLRS) fetch(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fetches++
	w.Header().Set("Content-Type", "application/json")
	if r.Method != http.MethodPost || l.fetches > 1 {
		l.problems = append(l.problems, "the fetch URL was called again or not with POST")
		_ = json.NewEncoder(w).Encode(map[string]string{"error-code": "1", "error-text": "already used"})
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"auth-token": l.token})
}

// authorized checks a request's token and xAPI version header before h.
func (l *testLRS) authorized(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		ok := l.token != "" && r.Header.Get("Authorization") == "Basic "+l.token
		version := r.Header.Get("X-Experience-API-Version")
		if !ok || version != "1.0.3" {
			l.problems = append(l.problems, r.Method+" "+r.URL.Path+": authorization or version header wrong ("+version+")")
		}
		l.mu.Unlock()
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h(w, r)
	}
}

// stateDoc is the State API, documents keyed by stateId and registration (one learner);
// without a stateId, a GET lists the ids of the registration's documents.
func (l *testLRS) stateDoc(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	key := q.Get("stateId") + "|" + q.Get("registration")
	l.mu.Lock()
	defer l.mu.Unlock()
	if r.Method == http.MethodGet && !q.Has("stateId") {
		ids := []string{}
		for k := range l.state {
			if id, reg, _ := strings.Cut(k, "|"); reg == q.Get("registration") {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(ids)
		return
	}
	switch r.Method {
	case http.MethodGet:
		data, ok := l.state[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(data)
	case http.MethodPut, http.MethodPost:
		data, _ := io.ReadAll(r.Body)
		l.state[key] = data
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method", http.StatusMethodNotAllowed)
	}
}

// postStatements keeps the statements of a POST (one or an array) in the order received.
func (l *testLRS) postStatements(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	var batch []json.RawMessage
	if err := json.Unmarshal(data, &batch); err != nil {
		batch = []json.RawMessage{data}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var ids []string
	for _, raw := range batch {
		var st map[string]any
		if err := json.Unmarshal(raw, &st); err != nil {
			l.problems = append(l.problems, "a statement is not JSON: "+err.Error())
			continue
		}
		l.statements = append(l.statements, st)
		l.raw = append(l.raw, raw)
		id, _ := st["id"].(string)
		ids = append(ids, id)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(ids)
}

// received returns the statements received so far.
func (l *testLRS) received() []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]map[string]any(nil), l.statements...)
}

// waitFor waits until ok holds for the statements received, failing the test after 20s.
func (l *testLRS) waitFor(t *testing.T, what string, ok func([]map[string]any) bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok(l.received()) {
			return
		}
	}
	t.Fatalf("waited 20s for %s; received %d statements: %v", what, len(l.received()), verbsOf(l.received()))
}

// verbsOf is the verbs of statements, in order, without their common prefix.
func verbsOf(sts []map[string]any) []string {
	var out []string
	for _, st := range sts {
		out = append(out, verbOf(st))
	}
	return out
}

func verbOf(st map[string]any) string {
	id, _ := lookup(st, "verb.id").(string)
	const prefix = "http://adlnet.gov/expapi/verbs/"
	if len(id) > len(prefix) && id[:len(prefix)] == prefix {
		return id[len(prefix):]
	}
	return id
}
