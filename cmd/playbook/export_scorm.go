package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"playbook/internal/cli"
	"strings"

	"playbook/site/export/lms"
	"playbook/site/export/scorm"
	"playbook/site/output"
	"playbook/site/pipeline"
)

const scormSynopsis = "export scorm --version 1.2|2004 [--lang LANG] [--day N | --all] [--src DIR] --out FILE.zip"

const scormExamples = `  playbook export scorm --version 1.2 --all --out crm.zip          (crm-en.zip, crm-zh-CN.zip)
  playbook export scorm --version 2004 --lang zh-CN --all --out crm-zh.zip
  playbook export scorm --version 1.2 --lang en --day 3 --out day-03.zip
`

// runExportSCORM writes the learner edition as SCORM packages: one per language, or the
// one of --lang.
func runExportSCORM(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("export", scormSynopsis, scormExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	version := cmd.Flags.String("version", "", "SCORM version: 1.2 or 2004")
	lang := cmd.Flags.String("lang", "", "package only this language (default: one package per language)")
	day := cmd.Flags.Int("day", 0, "package this day only")
	all := cmd.Flags.Bool("all", false, "package every day")
	out := cmd.Flags.String("out", "", "the package to write (FILE.zip; with several languages, FILE-LANG.zip each)")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "playbook export scorm: "+format+"\n\n", a...)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	v, err := scorm.VersionNamed(*version)
	switch {
	case err != nil:
		return usage("--version: %v", err)
	case (*day == 0) == !*all:
		return usage("give either --day N or --all")
	case *day < 0:
		return usage("--day must be a day number such as 1")
	case !strings.HasSuffix(*out, ".zip"):
		return usage("--out must name a .zip file, not %q", *out)
	}
	return writeLMSPackages(stdout, stderr, lmsRequest{
		name: "scorm", label: "SCORM " + v.Name, src: *src, lang: *lang, day: *day, out: *out,
		pack: func(res *pipeline.Result, l string, days []int) ([]byte, error) {
			return scorm.Package(res, scorm.Options{Version: v, Lang: l, Days: days})
		},
	})
}

// lmsRequest is what a command that writes LMS packages asks for.
type lmsRequest struct {
	name, label string // the command's name (export NAME) and the standard's, for messages
	src, lang   string
	day         int // 0 for every day
	out         string
	// pack makes the package of language l for days (nil: every day).
	pack func(res *pipeline.Result, l string, days []int) ([]byte, error)
}

// writeLMSPackages builds the learner edition and writes one package per language (FILE-LANG.zip),
// or the one of the language asked for (FILE.zip).
func writeLMSPackages(stdout, stderr io.Writer, r lmsRequest) int {
	res := pipeline.Build(os.DirFS(r.src), pipeline.Options{Edition: pipeline.Learner})
	cli.PrintDiags(stderr, res.Diags)
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "the course has errors; no package was written")
		return cli.ExitFailed
	}
	langs := lms.Languages(res.Manifest)
	if r.lang != "" {
		langs = []string{r.lang}
	}
	var days []int
	if r.day > 0 {
		days = []int{r.day}
	}
	for _, l := range langs {
		file := r.out
		if r.lang == "" && len(langs) > 1 {
			file = strings.TrimSuffix(r.out, ".zip") + "-" + l + ".zip"
		}
		data, err := r.pack(res, l, days)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(file), 0o755)
		}
		if err == nil {
			err = output.WriteFile(file, data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "playbook export %s: %s: %v\n", r.name, l, err)
			return cli.ExitFailed
		}
		fmt.Fprintf(stdout, "wrote %s (%s, %s, %d KB)\n", file, r.label, l, len(data)/1024)
	}
	return cli.ExitOK
}
