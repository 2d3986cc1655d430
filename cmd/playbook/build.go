package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"playbook/internal/cli"
	"playbook/site/output"
	"playbook/site/pipeline"
)

const buildExamples = `  playbook build                          build ./ into ./public (learner edition)
  playbook build --edition trainer --out trainer-site
  playbook build --src ~/course --base-url https://example.org/crm/
`

func runBuild(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("build", "build [--src DIR] [--out DIR] [--base-url URL] [--edition learner|trainer]", buildExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	out := cmd.Flags.String("out", "public", "output folder; replaced only when the build succeeds")
	baseURL := cmd.Flags.String("base-url", "", "absolute URL the site is published at; enables sitemap.xml and 404.html")
	edition := cmd.Flags.String("edition", "learner", "learner, or trainer (adds facilitator notes and timings)")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	ed, err := pipeline.ParseEdition(*edition)
	if err != nil {
		fmt.Fprintf(stderr, "playbook build: --edition %q: %v\n\n", *edition, err)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	if output.Covers(*out, *src) {
		fmt.Fprintf(stderr, "playbook build: --out %s would replace the course itself; choose a folder such as public\n\n", *out)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	start := time.Now()
	res := pipeline.Build(os.DirFS(*src), pipeline.Options{Edition: ed, BaseURL: *baseURL})
	cli.PrintDiags(stderr, res.Diags)
	if res.Diags.HasErrors() {
		fmt.Fprintf(stderr, "build failed; %s was left as it was\n", *out)
		return cli.ExitFailed
	}
	note := func(n string) { fmt.Fprintf(stderr, "note: %s\n", n) }
	if err := output.WriteReport(res.Site, *out, note); err != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return cli.ExitFailed
	}
	fmt.Fprintf(stdout, "built %d pages (%s edition) into %s in %s\n", res.Pages, ed, *out, time.Since(start).Round(time.Millisecond))
	return cli.ExitOK
}
