package main

import (
	"fmt"
	"io"
	"os"

	"playbook/site/pipeline"
)

const checkExamples = `  playbook check                  check the course in the current folder
  playbook check --src ~/course
  playbook check --strict         also fail on warnings (for CI)
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("check", "check [--src DIR] [--strict]", checkExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	strict := cmd.flags.Bool("strict", false, "fail (exit 1) on warnings too")
	if code, ok := cmd.parse(args, stdout, stderr); !ok {
		return code
	}
	// The trainer edition renders everything the learner edition does and more (facilitator
	// notes), so checking it checks every link and block of the course.
	res := pipeline.Build(os.DirFS(*src), pipeline.Options{Edition: pipeline.Trainer})
	printDiags(stdout, res.Diags)
	if res.Diags.HasErrors() {
		return exitFailed
	}
	if *strict && len(res.Diags) > 0 {
		fmt.Fprintf(stdout, "failed: %d warnings, and --strict fails on warnings\n", len(res.Diags))
		return exitFailed
	}
	fmt.Fprintf(stdout, "ok: %d pages checked, %d warnings\n", res.Pages, len(res.Diags))
	return exitOK
}
