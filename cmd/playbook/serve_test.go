package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serveChildEnv, when set, makes the test binary run `playbook serve` with the arguments it
// holds (separated by newlines) instead of the tests: the serve process a test signals.
const serveChildEnv = "PLAYBOOK_TEST_SERVE_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(serveChildEnv); args != "" {
		os.Exit(run(strings.Split(args, "\n"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestServeStopsOnSIGTERM runs `playbook serve` as its own process with an --allow-host name,
// checks the Host names it answers to, opens a live-reload stream, and sends SIGTERM, as a
// service manager or a container runtime does: the stream must end and the process must exit
// 0, as on Ctrl-C.
func TestServeStopsOnSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), serveChildEnv+"="+strings.Join([]string{"serve", "--src", testCourse, "--port", "0", "--allow-host", "classroom.example"}, "\n"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stopped := false
	defer func() {
		if !stopped {
			cmd.Process.Kill()
			<-exited
		}
	}()

	ready := make(chan string, 1)
	go func() {
		serving := regexp.MustCompile(`serving the learner edition at (http://\S+)`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				ready <- m[1]
			}
		}
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-exited:
		stopped = true
		t.Fatalf("serve exited before serving: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start\n%s", stderr.String())
	}

	for host, want := range map[string]int{"": 200, "localhost": 200, "classroom.example": 200, "evil.example": 421} {
		req, _ := http.NewRequest("GET", url+"en/index.html", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}

	resp, err := http.Get(url + "_playbook/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	stream := bufio.NewReader(resp.Body)
	if line, err := stream.ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry:") {
		t.Fatalf("event stream: %q %v", line, err)
	}
	streamEnded := make(chan error, 1)
	go func() {
		_, err := io.Copy(io.Discard, stream)
		streamEnded <- err
	}()

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Errorf("serve after SIGTERM: %v, want exit 0\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("serve still running 15s after SIGTERM\n%s", stderr.String())
	}
	select {
	case err := <-streamEnded:
		if err != nil {
			t.Errorf("the event stream broke instead of ending: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the event stream stayed open after the server stopped")
	}
}
