package main

import (
	"fmt"
	"io"
	"os"

	"playbook/internal/cli"
	"playbook/site/pipeline"
)

const checkExamples = `  playbook check                  check the course in the current folder
  playbook check --src ~/course
  playbook check --strict         also fail on warnings (for CI)
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("check", "check [--src DIR] [--strict]", checkExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	strict := cmd.Flags.Bool("strict", false, "fail (exit 1) on warnings too")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	// The trainer edition renders everything the learner edition does and more (facilitator
	// notes), so checking it checks every link and block of the course.
	res := pipeline.Build(os.DirFS(*src), pipeline.Options{Edition: pipeline.Trainer})
	cli.PrintDiags(stdout, res.Diags)
	if res.Diags.HasErrors() {
		return cli.ExitFailed
	}
	if *strict && len(res.Diags) > 0 {
		fmt.Fprintf(stdout, "failed: %d warnings, and --strict fails on warnings\n", len(res.Diags))
		return cli.ExitFailed
	}
	fmt.Fprintf(stdout, "ok: %d pages checked, %d warnings\n", res.Pages, len(res.Diags))
	return cli.ExitOK
}
