// Package preview runs the authoring server: the course built in memory through a cache,
// rebuilt on every save, served with live reload and error overlays.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
	"playbook/site/pipeline"
	"playbook/site/serve"
	"playbook/site/serve/hostcheck"
	"playbook/site/serve/watch"
)

// Options configures a preview server.
type Options struct {
	// Src is the course folder.
	Src     string
	Edition pipeline.Edition
	// Log receives diagnostics and a line per rebuild.
	Log io.Writer
	// Ready, when set, is called once the first build is served.
	Ready func(*serve.Session)
	// Debounce overrides the watcher's quiet time (see watch.Debounce).
	Debounce time.Duration
	// Hosts are the names the server answers to in the Host header; any other gets 421.
	// nil means the names of the address ln listens on (see hostcheck.NewHosts).
	Hosts *hostcheck.Hosts
}

// Run serves the course on ln until ctx ends, then shuts the server down gracefully (no new
// connections, open event streams closed) and returns. Content errors never stop it: the last
// good site stays served and the open tabs show the error until the next good save.
func Run(ctx context.Context, ln net.Listener, opts Options) error {
	hosts := opts.Hosts
	if hosts == nil {
		var err error
		if hosts, err = hostcheck.NewHosts(ln.Addr(), "", nil); err != nil {
			return err
		}
	}
	files := serve.NewCachedFS(opts.Src)
	cache := pipeline.NewCache()
	session := serve.NewSession(func(changed []string) (*output.Site, diag.List, func() map[string][]byte) {
		files.Invalidate(changed)
		res := pipeline.Build(files, pipeline.Options{Edition: opts.Edition, Cache: cache, DeferSearchIndex: true})
		return res.Site, res.Diags, res.SearchIndex
	}, opts.Log)
	srv := &http.Server{Handler: hosts.Guard(session.Server, opts.Log), ReadHeaderTimeout: 10 * time.Second}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		in := course.InputsOf(nil)
		sources := watch.Sources{Root: opts.Src, Dirs: in.Dirs, Files: in.Files, Debounce: opts.Debounce}
		if err := watch.Watch(watchCtx, sources, func(paths []string) { session.Rebuild(paths) }); err != nil {
			fmt.Fprintf(opts.Log, "not watching for changes: %v\n", err)
		}
	}()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if opts.Ready != nil {
		opts.Ready(session)
	}
	var err error
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		session.Live.Close()
		err = srv.Shutdown(shutdown)
		<-served
	case err = <-served:
	}
	stopWatch()
	<-watchDone
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
