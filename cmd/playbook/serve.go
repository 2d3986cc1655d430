package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"

	"playbook/site/pipeline"
	"playbook/site/preview"
	"playbook/site/serve"
)

const serveExamples = `  playbook serve                          preview ./ at http://127.0.0.1:8080/
  playbook serve --port 9000 --edition trainer --open
`

func runServe(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("serve", "serve [--src DIR] [--port N] [--bind ADDR] [--edition learner|trainer] [--open]", serveExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	port := cmd.flags.Int("port", 8080, "port to listen on (0 picks a free one)")
	bind := cmd.flags.String("bind", "127.0.0.1", "address to listen on; other machines can connect only if you bind elsewhere")
	edition := cmd.flags.String("edition", "learner", "learner or trainer")
	open := cmd.flags.Bool("open", false, "open the site in the default browser")
	if code, ok := cmd.parse(args, stdout, stderr); !ok {
		return code
	}
	ed, err := pipeline.ParseEdition(*edition)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: --edition %q: %v\n\n", *edition, err)
		cmd.usage(stderr)
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitFailed
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	url := fmt.Sprintf("http://%s/", ln.Addr())
	err = preview.Run(ctx, ln, preview.Options{Src: *src, Edition: ed, Log: stderr, Ready: func(*serve.Session) {
		fmt.Fprintf(stdout, "serving the %s edition at %s  (Ctrl-C stops)\n", ed, url)
		if *open {
			if err := preview.OpenBrowser(url); err != nil {
				fmt.Fprintf(stderr, "playbook serve: cannot open a browser (%v); open %s yourself\n", err, url)
			}
		}
	}})
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}
