package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Requests records the URL of every request the pages of one tab make, in order: documents,
// style sheets, scripts, images, fonts, fetches. It is safe for concurrent use.
type Requests struct {
	mu   sync.Mutex
	urls []string
}

// RecordRequests starts recording the requests of the tab ctx. Call it before navigating.
// Recording stops when ctx ends.
func RecordRequests(t testing.TB, ctx context.Context) *Requests {
	t.Helper()
	r := &Requests{}
	// chromedp enables the Network domain when it attaches a tab; enabling it again is
	// harmless and keeps the recorder correct should that ever change.
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("browser tests: enabling network events: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok && ev.Request != nil {
			r.mu.Lock()
			r.urls = append(r.urls, ev.Request.URL)
			r.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("browser tests: listening for requests: %v", err)
	}
	return r
}

// URLs returns every URL requested so far.
func (r *Requests) URLs() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.urls)
}

// Outside returns the requested URLs that start with none of the prefixes. data: URLs never
// leave the page, so they are not reported.
func (r *Requests) Outside(prefixes ...string) []string {
	var out []string
	for _, u := range r.URLs() {
		if strings.HasPrefix(u, "data:") {
			continue
		}
		if !slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(u, p) }) {
			out = append(out, u)
		}
	}
	return out
}

// Reset forgets the URLs recorded so far.
func (r *Requests) Reset() {
	r.mu.Lock()
	r.urls = nil
	r.mu.Unlock()
}

// Problem is something a page reported that a working page never does.
type Problem struct {
	// Kind is "console.error", "exception", "csp" or "log.<level>".
	Kind string
	// Text is the message as the DevTools console shows it.
	Text string
	// URL is the page or resource the problem belongs to, when known.
	URL string
}

// String formats the problem for a test failure.
func (p Problem) String() string {
	if p.URL == "" {
		return p.Kind + ": " + p.Text
	}
	return p.Kind + ": " + p.Text + " (" + p.URL + ")"
}

// Problems collects the console errors, uncaught exceptions and Content-Security-Policy
// violations of the pages of one tab. It is safe for concurrent use.
type Problems struct {
	mu   sync.Mutex
	list []Problem
}

// cspReporter runs in every document before the page's own scripts. DevTools scripts are
// not subject to the page's CSP, so it sees every violation even on a page that allows no
// script at all, and reports it as a console error the collector recognises.
const cspReporter = `document.addEventListener("securitypolicyviolation", function (e) {
	console.error("` + cspMarker + `" + e.violatedDirective + " blocked " + (e.blockedURI || "inline code") +
		" in " + e.sourceFile + ":" + e.lineNumber + " (" + e.disposition + ")");
}, true);`

// cspMarker starts the console message of cspReporter.
const cspMarker = "[browsertest] CSP violation: "

// CollectProblems starts collecting the problems of the tab ctx. Call it before navigating.
// Collecting stops when ctx ends. It reports:
//   - console.error and console.assert calls (runtime.EventConsoleAPICalled);
//   - uncaught exceptions and unhandled rejections (runtime.EventExceptionThrown);
//   - browser log entries of level error, such as a file that fails to load, and every
//     entry about a Content Security Policy, whatever its level (log.EventEntryAdded);
//   - every securitypolicyviolation event of a document, through a script that DevTools
//     adds to each new document.
func CollectProblems(t testing.TB, ctx context.Context) *Problems {
	t.Helper()
	p := &Problems{}
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspReporter})
	if err != nil {
		t.Fatalf("browser tests: installing the CSP reporter: %v", err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("browser tests: enabling the browser log: %v", err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		if pr, ok := problemOf(ev); ok {
			p.mu.Lock()
			p.list = append(p.list, pr)
			p.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("browser tests: listening for console messages: %v", err)
	}
	return p
}

// problemOf turns an event into a problem, when it is one.
func problemOf(ev any) (Problem, bool) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return Problem{}, false
		}
		pr := Problem{Kind: "console." + string(ev.Type), Text: argsText(ev.Args)}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			pr.URL = st.CallFrames[0].URL
		}
		if rest, ok := strings.CutPrefix(pr.Text, cspMarker); ok {
			pr.Kind, pr.Text, pr.URL = "csp", rest, ""
		}
		return pr, true
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		if d == nil {
			return Problem{Kind: "exception", Text: "(no details)"}, true
		}
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		return Problem{Kind: "exception", Text: text, URL: fmt.Sprintf("%s:%d", d.URL, d.LineNumber+1)}, true
	case *log.EventEntryAdded:
		e := ev.Entry
		if e == nil {
			return Problem{}, false
		}
		csp := strings.Contains(e.Text, "Content Security Policy") || strings.Contains(e.Text, "Content-Security-Policy")
		if e.Level != log.EntryLevelError && !csp {
			return Problem{}, false
		}
		kind := "log." + string(e.Level)
		if csp {
			kind = "csp"
		}
		return Problem{Kind: kind, Text: e.Text, URL: e.URL}, true
	}
	return Problem{}, false
}

// argsText joins console arguments the way the console shows simple values.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if err := json.Unmarshal(a.Value, &s); err == nil {
				parts = append(parts, s)
				continue
			}
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// List returns the problems collected so far.
func (p *Problems) List() []Problem {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.list)
}

// Reset forgets the problems collected so far.
func (p *Problems) Reset() {
	p.mu.Lock()
	p.list = nil
	p.mu.Unlock()
}

// Check fails the test with every problem collected so far, saying where it happened, and
// then forgets them.
func (p *Problems) Check(t testing.TB, where string) {
	t.Helper()
	p.mu.Lock()
	list := p.list
	p.list = nil
	p.mu.Unlock()
	for _, pr := range list {
		t.Errorf("%s: %s", where, pr)
	}
}
