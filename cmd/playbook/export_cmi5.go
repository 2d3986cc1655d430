package main

import (
	"fmt"
	"io"
	"strings"

	"playbook/internal/cli"
	"playbook/site/export/cmi5"
	"playbook/site/pipeline"
)

const cmi5Synopsis = "export cmi5 [--lang LANG] [--day N | --all] [--src DIR] --out FILE.zip"

const cmi5Examples = `  playbook export cmi5 --all --out crm.zip                        (crm-en.zip, crm-zh-CN.zip)
  playbook export cmi5 --lang zh-CN --all --out crm-zh.zip
  playbook export cmi5 --lang en --day 3 --out day-03.zip
`

// runExportCMI5 writes the learner edition as cmi5 packages: one per language, or the one of
// --lang.
func runExportCMI5(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("export", cmi5Synopsis, cmi5Examples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	lang := cmd.Flags.String("lang", "", "package only this language (default: one package per language)")
	day := cmd.Flags.Int("day", 0, "package this day only")
	all := cmd.Flags.Bool("all", false, "package every day")
	out := cmd.Flags.String("out", "", "the package to write (FILE.zip; with several languages, FILE-LANG.zip each)")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "playbook export cmi5: "+format+"\n\n", a...)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	switch {
	case (*day == 0) == !*all:
		return usage("give either --day N or --all")
	case *day < 0:
		return usage("--day must be a day number such as 1")
	case !strings.HasSuffix(*out, ".zip"):
		return usage("--out must name a .zip file, not %q", *out)
	}
	return writeLMSPackages(stdout, stderr, lmsRequest{
		name: "cmi5", label: "cmi5", src: *src, lang: *lang, day: *day, out: *out,
		pack: func(res *pipeline.Result, l string, days []int) ([]byte, error) {
			return cmi5.Package(res, cmi5.Options{Lang: l, Days: days})
		},
	})
}
