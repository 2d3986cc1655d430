package hostcheck

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"playbook/site/output"
	"playbook/site/serve"
)

func loopback(port int) net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port} }

// TestGuardAnswersOnlyItsOwnNames checks that a preview on 127.0.0.1 answers its own names,
// whatever the port and case, and an --allow-host name, and refuses every other Host
// (DNS rebinding) with 421, on pages, assets and the live-reload stream alike.
func TestGuardAnswersOnlyItsOwnNames(t *testing.T) {
	site := output.New()
	site.Add("index.html", []byte("<html><head></head>home</html>"))
	site.Add("assets/site.css", []byte("body{}"))
	hosts, err := NewHosts(loopback(8080), "127.0.0.1", []string{"Classroom.Example"})
	if err != nil {
		t.Fatal(err)
	}
	live := serve.NewLive()
	live.Close() // an accepted event stream then ends at once instead of waiting for events
	guard := hosts.Guard(serve.LiveHandler(site, live), nil)
	tests := []struct {
		host   string
		path   string
		status int
	}{
		{"127.0.0.1:8080", "/", 200},
		{"127.0.0.1", "/", 200},
		{"localhost", "/", 200},
		{"LOCALHOST:8080", "/", 200},
		{"[::1]:8080", "/", 200},
		{"[::1]", "/", 200},
		{"::1", "/", 200},
		{"classroom.example", "/", 200},
		{"CLASSROOM.example:9000", "/", 200},
		{"evil.example", "/", 421},
		{"evil.example:8080", "/", 421},
		{"127.0.0.1.evil.example", "/", 421},
		{"localhost.evil.example", "/", 421},
		{"127.0.0.2", "/", 421},
		{"0.0.0.0:8080", "/", 421},
		{"[::1", "/", 421},
		{"", "/", 421},
		{"127.0.0.1:8080", "/assets/site.css", 200},
		{"evil.example", "/assets/site.css", 421},
		{"evil.example", serve.LivePrefix + "live.js", 421},
		{"evil.example", serve.LivePrefix + "events", 421},
		{"localhost:8080", serve.LivePrefix + "events", 200},
		{"evil.example", "/nope.html", 421},
	}
	for _, tt := range tests {
		req := httptest.NewRequest("GET", tt.path, nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		guard.ServeHTTP(rec, req)
		if rec.Code != tt.status {
			t.Errorf("Host %q, %s: %d, want %d", tt.host, tt.path, rec.Code, tt.status)
			continue
		}
		if tt.status != 421 {
			continue
		}
		body := rec.Body.String()
		for _, want := range []string{"localhost, 127.0.0.1, [::1], classroom.example", "--allow-host"} {
			if !strings.Contains(body, want) {
				t.Errorf("Host %q: the refusal does not say %q:\n%s", tt.host, want, body)
			}
		}
		if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
			t.Errorf("Host %q: refusal Content-Type %q", tt.host, ct)
		}
	}
}

// TestNewHosts checks which names a server answers to for each kind of address it listens on.
func TestNewHosts(t *testing.T) {
	tests := []struct {
		name  string
		addr  net.Addr
		bind  string
		allow []string
		want  []string
	}{
		{"loopback", loopback(8080), "127.0.0.1", nil, []string{"localhost", "127.0.0.1", "[::1]"}},
		{"localhost by name", loopback(8080), "localhost", nil, []string{"localhost", "127.0.0.1", "[::1]"}},
		{"IPv6 loopback", &net.TCPAddr{IP: net.IPv6loopback, Port: 1}, "::1", nil, []string{"localhost", "127.0.0.1", "[::1]"}},
		{"other loopback address", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2), Port: 1}, "127.0.0.2", nil, []string{"localhost", "127.0.0.1", "[::1]", "127.0.0.2"}},
		{"every IPv4 address: no machine names added", &net.TCPAddr{IP: net.IPv4zero, Port: 1}, "0.0.0.0", nil, []string{"localhost", "127.0.0.1", "[::1]"}},
		{"every address", &net.TCPAddr{IP: net.IPv6unspecified, Port: 1}, "", []string{"crm-room.local", "192.168.1.20"}, []string{"localhost", "127.0.0.1", "[::1]", "crm-room.local", "192.168.1.20"}},
		{"one LAN address", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 1}, "192.168.1.20", nil, []string{"192.168.1.20"}},
		{"a LAN name", &net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 1}, "Trainer.lan", []string{"[fe80::1]:8080"}, []string{"192.168.1.20", "trainer.lan", "[fe80::1]"}},
	}
	for _, tt := range tests {
		h, err := NewHosts(tt.addr, tt.bind, tt.allow)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := h.Names(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHostName(t *testing.T) {
	good := map[string]string{
		"crm-room.local":      "crm-room.local",
		"CRM-Room.Local:8080": "crm-room.local",
		"192.168.1.20":        "192.168.1.20",
		"[FE80::1]":           "fe80::1",
		"fe80::1":             "fe80::1",
		"my_host":             "my_host",
	}
	for in, want := range good {
		if got, err := HostName(in); err != nil || got != want {
			t.Errorf("HostName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                   "give a host name",
		"http://crm-room/":   "without scheme or path",
		"crm room":           "without scheme or path",
		"crm-room:http":      "not a number",
		"0.0.0.0":            "every address",
		"[::]":               "every address",
		"crm-room.local;x=1": "only letters",
	}
	for in, want := range bad {
		if _, err := HostName(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("HostName(%q): error %v, want one saying %q", in, err, want)
		}
	}
	if _, err := NewHosts(loopback(1), "", []string{"http://x/"}); err == nil || !strings.Contains(err.Error(), `--allow-host "http://x/"`) {
		t.Errorf("NewHosts with a bad --allow-host: %v", err)
	}
}

func TestLocalURL(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want string
	}{
		{loopback(8080), "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, "http://[::1]:8080/"},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 80}, "http://192.168.1.20:80/"},
	}
	for _, tt := range tests {
		if got := LocalURL(tt.addr); got != tt.want {
			t.Errorf("LocalURL(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

// TestGuardOverHTTP checks the guard behind a real listener, where the Host comes from the
// request line and headers as a browser sends them, HTTP/1.0 without a Host included.
func TestGuardOverHTTP(t *testing.T) {
	site := output.New()
	site.Add("index.html", []byte("home"))
	srv := httptest.NewUnstartedServer(nil)
	hosts, err := NewHosts(srv.Listener.Addr(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = hosts.Guard(serve.Handler(site), nil)
	srv.Start()
	defer srv.Close()
	for host, want := range map[string]int{"": 200, "evil.example": 421, "localhost": 200} {
		req, _ := http.NewRequest("GET", srv.URL+"/", nil)
		req.Host = host // empty: the client sends the URL's host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET / HTTP/1.0\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, " 421 ") {
		t.Errorf("HTTP/1.0 without Host: %q %v, want 421", status, err)
	}
}
