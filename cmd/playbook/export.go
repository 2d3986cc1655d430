package main

import (
	"fmt"
	"io"
	"os"

	"playbook/internal/cli"
	"playbook/site/export"
	"playbook/site/output"
)

const exportExamples = `  playbook export quizzes --format gift --out day-quizzes.gift.txt
  playbook export quizzes --format moodle-xml --lang zh-CN --out quizzes-zh.xml
  playbook export quizzes --format gift --quiz day-01-self-check --out -
`

func runExport(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "scorm" {
		return runExportSCORM(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "cmi5" {
		return runExportCMI5(args[1:], stdout, stderr)
	}
	cmd := cli.NewCommand("export", "export quizzes --format gift|moodle-xml [--lang LANG] [--quiz ID] [--src DIR] --out FILE\n  playbook "+scormSynopsis+"\n  playbook "+cmi5Synopsis, exportExamples+scormExamples+cmi5Examples)
	if len(args) == 0 || args[0] != "quizzes" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			cmd.Usage(stdout)
			return cli.ExitOK
		}
		what := "nothing"
		if len(args) > 0 {
			what = fmt.Sprintf("%q", args[0])
		}
		fmt.Fprintf(stderr, "playbook export: cannot export %s; export quizzes, scorm or cmi5\n\n", what)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	format := cmd.Flags.String("format", "", "gift or moodle-xml")
	lang := cmd.Flags.String("lang", "", "language of the texts (default: the course's default language)")
	out := cmd.Flags.String("out", "", "file to write, or - for standard output")
	var ids cli.MultiFlag
	cmd.Flags.Var(&ids, "quiz", "export only this quiz id (repeatable)")
	if code, ok := cmd.Parse(args[1:], stdout, stderr); !ok {
		return code
	}
	if *format != "gift" && *format != "moodle-xml" {
		fmt.Fprintf(stderr, "playbook export: --format must be gift or moodle-xml\n\n")
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	if *out == "" {
		fmt.Fprintf(stderr, "playbook export: --out is required (a file name, or - for standard output)\n\n")
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	data, diags := export.Quizzes(os.DirFS(*src), *format, *lang, ids)
	cli.PrintDiags(stderr, diags)
	if diags.HasErrors() {
		return cli.ExitFailed
	}
	if *out == "-" {
		_, err := stdout.Write(data)
		if err != nil {
			return cli.ExitFailed
		}
		return cli.ExitOK
	}
	if err := output.WriteFile(*out, data); err != nil {
		fmt.Fprintf(stderr, "playbook export: %v\n", err)
		return cli.ExitFailed
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", *out, *format)
	return cli.ExitOK
}
