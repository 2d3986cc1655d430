package main

import (
	"fmt"
	"io"
	"os"

	"playbook/site/pipeline"
)

const checkExamples = `  playbook check                  check the course in the current folder
  playbook check --src ~/course
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("check", "check [--src DIR]", checkExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
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
	fmt.Fprintf(stdout, "ok: %d pages checked, %d warnings\n", res.Pages, len(res.Diags))
	return exitOK
}
