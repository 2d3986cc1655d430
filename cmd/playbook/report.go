package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"playbook/internal/cli"
	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/output"
	"playbook/site/pipeline"
	"playbook/site/report"
	"playbook/site/report/collect"
	"playbook/site/report/reportview"
)

const reportExamples = `  playbook report progress/*.json                   write report.html from the class's files
  playbook report progress/                         the same: every *.json and *.csv in the folder
  playbook report progress/ checklists/             progress files and the reps' checklist exports
  playbook report --lang zh-CN --out class.html progress/*.json
  playbook report --out class.csv progress/*.json   write class.csv and class-questions.csv
  playbook report --out - progress/*.json > class.html
`

func runReport(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("report", "report [--src DIR] [--lang LANG] [--out report.html|report.csv|-] [--format html|csv] FILE|DIR...", reportExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	lang := cmd.Flags.String("lang", "", "language of the report (default: the course's default language)")
	out := cmd.Flags.String("out", "report.html", "file to write: .html, or .csv (also writes NAME-questions.csv, NAME-roleplays.csv when the course has scenarios, and NAME-checklists.csv and NAME-checklist-items.csv for checklist exports); - for HTML on standard output")
	format := cmd.Flags.String("format", "", "html or csv (default: from the --out extension)")
	files, code, ok := cmd.ParseFiles(args, stdout, stderr)
	if !ok {
		return code
	}
	usageError := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "playbook report: "+format+"\n\n", args...)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	if len(files) == 0 {
		return usageError("name the progress files to report on (for example progress/*.json), or a folder holding them; checklist exports (.json, .csv) may be among them")
	}
	kind, err := reportFormat(*format, *out)
	if err != nil {
		return usageError("%v", err)
	}

	var diags diag.List
	c := course.Load(os.DirFS(*src), &diags)
	if *lang == "" {
		*lang = c.Config.DefaultLanguage
	}
	report.CheckCourse(c, *src, *lang, &diags)
	if diags.HasErrors() {
		diags.Sort()
		cli.PrintDiags(stderr, diags.Errors())
		fmt.Fprintf(stderr, "playbook report: the course in %s has errors; no report was written\n", *src)
		return cli.ExitFailed
	}

	r := report.Make(c, pipeline.SiteKey(c.Config), *lang, collect.ReadPaths(files))
	for _, f := range r.Files {
		for _, p := range f.Problems() {
			fmt.Fprintln(stderr, p.String())
		}
		if f.NoName {
			fmt.Fprintf(stderr, "%s: note: the file gives no learner's name; reported as %s\n", f.Path, f.Learner)
		}
	}
	for _, p := range r.Team.Problems() {
		fmt.Fprintln(stderr, p.String())
	}
	if r.Merged == 0 && r.Team.Used == 0 {
		what := "progress file"
		if len(r.Team.Files) > 0 {
			what = "progress file or checklist export"
		}
		fmt.Fprintf(stderr, "playbook report: no %s could be used (%s); no report was written\n", what, r.Summary())
		return cli.ExitFailed
	}
	outputs, err := reportview.Render(r, kind, *out)
	if err != nil {
		fmt.Fprintf(stderr, "playbook report: %v\n", err)
		return cli.ExitFailed
	}
	if *out == "-" {
		if _, err := stdout.Write(outputs[0].Data); err != nil {
			fmt.Fprintf(stderr, "playbook report: %v\n", err)
			return cli.ExitFailed
		}
		fmt.Fprintln(stderr, r.Summary())
		return cli.ExitOK
	}
	if err := output.WriteFiles(outputs); err != nil {
		fmt.Fprintf(stderr, "playbook report: %v\n", err)
		return cli.ExitFailed
	}
	names := make([]string, len(outputs))
	for i, o := range outputs {
		names[i] = o.Path
	}
	fmt.Fprintf(stdout, "%s; wrote %s\n", r.Summary(), strings.Join(names, " and "))
	return cli.ExitOK
}

// reportFormat decides between html and csv from --format and the --out extension.
func reportFormat(format, out string) (string, error) {
	ext := strings.ToLower(filepath.Ext(out))
	fromExt := map[string]string{".html": "html", ".htm": "html", ".csv": "csv"}[ext]
	switch {
	case format != "" && format != "html" && format != "csv":
		return "", fmt.Errorf("--format must be html or csv, not %q", format)
	case out == "-" && format == "csv":
		return "", fmt.Errorf("--format csv writes two files or more; give --out a file name such as report.csv")
	case out == "-":
		return "html", nil
	case format == "" && fromExt == "":
		return "", fmt.Errorf("--out %s: the name must end in .html or .csv (or give --format)", out)
	case format != "" && fromExt != "" && format != fromExt:
		return "", fmt.Errorf("--format %s does not match --out %s", format, out)
	case format != "":
		return format, nil
	}
	return fromExt, nil
}
