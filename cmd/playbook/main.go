// Command playbook builds, checks and serves a Playbook course site.
package main

import (
	"fmt"
	"io"
	"os"

	"playbook/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const mainUsage = `Playbook builds a searchable, printable CRM training site from Markdown and YAML.

Usage:
  playbook <command> [flags]

Commands:
  build     build the site into a folder (default public/)
  check     check the course for mistakes without writing anything
  serve     build the site and serve it on 127.0.0.1 for preview
  export    export the quizzes for an LMS (Moodle GIFT or Moodle XML), or the course as SCORM or cmi5 packages
  pdf       print the day handout packs to PDF with headless Chromium
  report    make a class report from the learners' exported progress files
  version   print the version

Run "playbook <command> --help" for a command's flags and examples.
`

// run is the whole program: arguments in, exit code out.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return cli.ExitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "export":
		return runExport(args[1:], stdout, stderr)
	case "pdf":
		return runPDF(args[1:], stdout, stderr)
	case "report":
		return runReport(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		return runVersion(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, mainUsage)
		return cli.ExitOK
	}
	fmt.Fprintf(stderr, "playbook: unknown command %q\n\n%s", args[0], mainUsage)
	return cli.ExitUsage
}
