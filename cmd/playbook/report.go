package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"playbook/site/course"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/pipeline"
	"playbook/site/quiz"
	"playbook/site/report"
	"playbook/site/report/collect"
)

const reportExamples = `  playbook report progress/*.json                   write report.html from the class's files
  playbook report progress/                         the same: every *.json in the folder
  playbook report --lang zh-CN --out class.html progress/*.json
  playbook report --out class.csv progress/*.json   write class.csv and class-questions.csv
  playbook report --out - progress/*.json > class.html
`

func runReport(args []string, stdout, stderr io.Writer) int {
	cmd := newCommand("report", "report [--src DIR] [--lang LANG] [--out report.html|report.csv|-] [--format html|csv] FILE|DIR...", reportExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	lang := cmd.flags.String("lang", "", "language of the report (default: the course's default language)")
	out := cmd.flags.String("out", "report.html", "file to write: .html, or .csv (also writes NAME-questions.csv); - for HTML on standard output")
	format := cmd.flags.String("format", "", "html or csv (default: from the --out extension)")
	files, code, ok := cmd.parseFiles(args, stdout, stderr)
	if !ok {
		return code
	}
	usageError := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "playbook report: "+format+"\n\n", args...)
		cmd.usage(stderr)
		return exitUsage
	}
	if len(files) == 0 {
		return usageError("name the progress files to report on (for example progress/*.json), or a folder holding them")
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
	if !slices.Contains(c.Config.Languages, *lang) {
		diags.Errorf(diag.Pos{Path: "--lang"}, "language %q is not one of the course's languages (%s)", *lang, strings.Join(c.Config.Languages, ", "))
	}
	if len(material.Of[*quiz.Quiz](c.Materials)) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.Pos{Path: *src}, "the course has no quizzes, so there is nothing to report")
	}
	if diags.HasErrors() {
		diags.Sort()
		printDiags(stderr, errorsOnly(diags))
		fmt.Fprintf(stderr, "playbook report: the course in %s has errors; no report was written\n", *src)
		return exitFailed
	}

	r := report.Make(c, pipeline.SiteKey(c.Config), *lang, collect.ReadPaths(files))
	for _, p := range r.Problems() {
		fmt.Fprintln(stderr, p.String())
	}
	if r.Merged == 0 {
		fmt.Fprintf(stderr, "playbook report: no progress file could be used (%s); no report was written\n", r.Summary())
		return exitFailed
	}
	outputs, err := renderReport(r, kind, *out)
	if err != nil {
		fmt.Fprintf(stderr, "playbook report: %v\n", err)
		return exitFailed
	}
	if *out == "-" {
		if _, err := stdout.Write(outputs[0].data); err != nil {
			fmt.Fprintf(stderr, "playbook report: %v\n", err)
			return exitFailed
		}
		fmt.Fprintln(stderr, r.Summary())
		return exitOK
	}
	if err := writeFilesAtomic(outputs); err != nil {
		fmt.Fprintf(stderr, "playbook report: %v\n", err)
		return exitFailed
	}
	names := make([]string, len(outputs))
	for i, o := range outputs {
		names[i] = o.path
	}
	fmt.Fprintf(stdout, "%s; wrote %s\n", r.Summary(), strings.Join(names, " and "))
	return exitOK
}

// reportFormat decides between html and csv from --format and the --out extension.
func reportFormat(format, out string) (string, error) {
	ext := strings.ToLower(filepath.Ext(out))
	fromExt := map[string]string{".html": "html", ".htm": "html", ".csv": "csv"}[ext]
	switch {
	case format != "" && format != "html" && format != "csv":
		return "", fmt.Errorf("--format must be html or csv, not %q", format)
	case out == "-" && format == "csv":
		return "", fmt.Errorf("--format csv writes two files; give --out a file name such as report.csv")
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

// outputFile is a file to write.
type outputFile struct {
	path string
	data []byte
}

// renderReport renders r as kind: one HTML file, or the learners CSV file and the questions
// CSV file beside it (NAME-questions.csv).
func renderReport(r *report.Report, kind, out string) ([]outputFile, error) {
	if kind == "html" {
		data, err := r.HTML()
		return []outputFile{{out, data}}, err
	}
	learners, questions, err := r.CSV()
	ext := filepath.Ext(out)
	return []outputFile{{out, learners}, {strings.TrimSuffix(out, ext) + "-questions" + ext, questions}}, err
}

// writeFilesAtomic writes every file beside its place first, then renames them all into
// place, so that a failure leaves the previous files as they were.
func writeFilesAtomic(files []outputFile) error {
	tmps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		tmp, err := writeTemp(f.path, f.data)
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.path); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}

// errorsOnly drops the warnings (missing translations) that do not stop a report.
func errorsOnly(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}
