package main

import (
	"fmt"
	"io"
	"os"

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
	cmd := newCommand("export", "export quizzes --format gift|moodle-xml [--lang LANG] [--quiz ID] [--src DIR] --out FILE\n  playbook "+scormSynopsis, exportExamples+scormExamples)
	if len(args) == 0 || args[0] != "quizzes" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			cmd.usage(stdout)
			return exitOK
		}
		what := "nothing"
		if len(args) > 0 {
			what = fmt.Sprintf("%q", args[0])
		}
		fmt.Fprintf(stderr, "playbook export: cannot export %s; export quizzes or scorm\n\n", what)
		cmd.usage(stderr)
		return exitUsage
	}
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	format := cmd.flags.String("format", "", "gift or moodle-xml")
	lang := cmd.flags.String("lang", "", "language of the texts (default: the course's default language)")
	out := cmd.flags.String("out", "", "file to write, or - for standard output")
	var ids multiFlag
	cmd.flags.Var(&ids, "quiz", "export only this quiz id (repeatable)")
	if code, ok := cmd.parse(args[1:], stdout, stderr); !ok {
		return code
	}
	if *format != "gift" && *format != "moodle-xml" {
		fmt.Fprintf(stderr, "playbook export: --format must be gift or moodle-xml\n\n")
		cmd.usage(stderr)
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintf(stderr, "playbook export: --out is required (a file name, or - for standard output)\n\n")
		cmd.usage(stderr)
		return exitUsage
	}
	data, diags := export.Quizzes(os.DirFS(*src), *format, *lang, ids)
	printDiags(stderr, diags)
	if diags.HasErrors() {
		return exitFailed
	}
	if *out == "-" {
		_, err := stdout.Write(data)
		if err != nil {
			return exitFailed
		}
		return exitOK
	}
	if err := output.WriteFile(*out, data); err != nil {
		fmt.Fprintf(stderr, "playbook export: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", *out, *format)
	return exitOK
}
