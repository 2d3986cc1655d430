package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"playbook/site/build"
	"playbook/site/config"
	"playbook/site/course"
	"playbook/site/serve"
)

const serveExamples = `  playbook serve                          preview ./ at http://127.0.0.1:8080/
  playbook serve --port 9000 --edition trainer
`

func runServe(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("serve", "serve [--src DIR] [--port N] [--bind ADDR] [--edition learner|trainer]", serveExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	port := cmd.flags.Int("port", 8080, "port to listen on (0 picks a free one)")
	bind := cmd.flags.String("bind", "127.0.0.1", "address to listen on; other machines can connect only if you bind elsewhere")
	edition := cmd.flags.String("edition", "learner", "learner or trainer")
	if code, ok := cmd.parse(args, stdout, stderr); !ok {
		return code
	}
	ed, err := build.ParseEdition(*edition)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: --edition %q: %v\n\n", *edition, err)
		cmd.usage(stderr)
		return exitUsage
	}
	res := build.Build(os.DirFS(*src), build.Options{Edition: ed})
	printDiags(stderr, res.Diags)
	if res.Diags.HasErrors() {
		return exitFailed
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitFailed
	}
	handler := serve.Handler(res.Site)
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "serving %d pages (%s edition) at http://%s/  (Ctrl-C stops)\n", res.Pages, ed, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		// Rebuild on every change; a broken save keeps the last good site served.
		sources := serve.Sources{Root: *src, Dirs: append([]string{course.ContentDir}, course.DataDirs...), Files: []string{config.FileName}}
		err := serve.Watch(ctx, sources, func() {
			start := time.Now()
			res := build.Build(os.DirFS(*src), build.Options{Edition: ed})
			printDiags(stderr, res.Diags)
			if res.Diags.HasErrors() {
				fmt.Fprintln(stderr, "still serving the last good build")
				return
			}
			handler.Set(res.Site)
			fmt.Fprintf(stdout, "rebuilt %d pages in %s\n", res.Pages, time.Since(start).Round(time.Millisecond))
		})
		if err != nil {
			fmt.Fprintf(stderr, "playbook serve: not watching for changes: %v\n", err)
		}
	}()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}
