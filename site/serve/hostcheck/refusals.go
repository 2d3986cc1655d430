package hostcheck

import (
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
)

// Limits of the log of refused hosts: so many names get a line of their own, and the
// refusals past them are summed up at most once per summaryEvery. A Host header is cut to
// maxLoggedHost bytes in the log.
const (
	maxNamedHosts = 20
	summaryEvery  = time.Minute
	maxLoggedHost = 100
)

// refusals logs the requests the host guard refuses without letting a flood fill the log
// (a page doing DNS rebinding may send thousands): the first refusal of each host name gets
// a line, for up to maxNamedHosts names; every other refusal is counted, and the count is
// written with the first refusal at least summaryEvery after the last line.
type refusals struct {
	log io.Writer // nil: nothing is logged
	now func() time.Time

	mu    sync.Mutex
	named map[string]bool
	count int       // refusals not written yet
	since time.Time // when the first of them came
	last  time.Time // when the last line was written
}

func newRefusals(log io.Writer, now func() time.Time) *refusals {
	return &refusals{log: log, now: now, named: map[string]bool{}}
}

// refused records a refused request whose Host header was host.
func (r *refusals) refused(host string) {
	if r.log == nil {
		return
	}
	if len(host) > maxLoggedHost {
		host = host[:maxLoggedHost] + "..."
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if name := hostOf(host); !r.named[name] && len(r.named) < maxNamedHosts {
		r.named[name] = true
		what := "a request without a Host header"
		if host != "" {
			what = "a request for host " + strconv.Quote(host)
		}
		fmt.Fprintf(r.log, "refused %s (421): the preview answers only to its own names; to open it by this one, restart it with --allow-host NAME\n", what)
		r.last = now
		return
	}
	if r.count == 0 {
		r.since = now
	}
	r.count++
	if now.Sub(r.last) < summaryEvery {
		return
	}
	plural := "s"
	if r.count == 1 {
		plural = ""
	}
	fmt.Fprintf(r.log, "refused %d more request%s for hosts the preview does not answer to (421) since %s\n", r.count, plural, r.since.Format("15:04:05"))
	r.count, r.last = 0, now
}
