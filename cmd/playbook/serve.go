package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"playbook/internal/cli"
	"playbook/site/pipeline"
	"playbook/site/preview"
	"playbook/site/serve"
	"playbook/site/serve/hostcheck"
)

const serveExamples = `  playbook serve                          preview ./ at http://127.0.0.1:8080/
  playbook serve --port 9000 --edition trainer --open
  playbook serve --bind 0.0.0.0 --allow-host crm-room.local
                                          let the classroom open http://crm-room.local:8080/
`

func runServe(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("serve", "serve [--src DIR] [--port N] [--bind ADDR] [--allow-host NAME]... [--edition learner|trainer] [--open]", serveExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	port := cmd.Flags.Int("port", 8080, "port to listen on (0 picks a free one)")
	bind := cmd.Flags.String("bind", "127.0.0.1", "address to listen on; other machines can connect only if you bind elsewhere")
	var allow cli.MultiFlag
	cmd.Flags.Var(&allow, "allow-host", "also answer requests for the host `NAME` or IP address (repeatable). Otherwise the\n"+
		"preview answers only to the --bind address (and to localhost, 127.0.0.1 and [::1] when that is\n"+
		"a loopback address or 0.0.0.0) and refuses any other Host with 421, so that no web page can\n"+
		"read it by pointing a domain of its own at this machine (DNS rebinding)")
	edition := cmd.Flags.String("edition", "learner", "learner or trainer")
	open := cmd.Flags.Bool("open", false, "open the site in the default browser")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	ed, err := pipeline.ParseEdition(*edition)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: --edition %q: %v\n\n", *edition, err)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	for _, name := range allow {
		if _, err := hostcheck.HostName(name); err != nil {
			fmt.Fprintf(stderr, "playbook serve: --allow-host %q: %v\n\n", name, err)
			cmd.Usage(stderr)
			return cli.ExitUsage
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return cli.ExitFailed
	}
	hosts, err := hostcheck.NewHosts(ln.Addr(), *bind, allow)
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return cli.ExitFailed
	}
	// SIGTERM (a service manager, a container, kill) stops the preview as Ctrl-C does.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	url := hostcheck.LocalURL(ln.Addr())
	err = preview.Run(ctx, ln, preview.Options{Src: *src, Edition: ed, Log: stderr, Hosts: hosts, Ready: func(*serve.Session) {
		fmt.Fprintf(stdout, "serving the %s edition at %s  (Ctrl-C stops)\n", ed, url)
		if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
			fmt.Fprintf(stdout, "answering to %s; other names and addresses are refused (add one with --allow-host NAME)\n", strings.Join(hosts.Names(), ", "))
		}
		if *open {
			if err := preview.OpenBrowser(url); err != nil {
				fmt.Fprintf(stderr, "playbook serve: cannot open a browser (%v); open %s yourself\n", err, url)
			}
		}
	}})
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return cli.ExitFailed
	}
	return cli.ExitOK
}
