package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"playbook/internal/cli"
	"playbook/site/output"
	"playbook/site/pdf"
	"playbook/site/pipeline"
)

const pdfExamples = `  playbook pdf --all --out handouts
  playbook pdf --day 5 --paper letter --out handouts
  playbook pdf --all --edition trainer --lang zh-CN --out trainer-packs
  playbook pdf --day 1 --chromium /usr/bin/chromium --out day1
`

func runPDF(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("pdf", "pdf [--day N | --all] [--edition learner|trainer] [--paper a4|letter] [--lang LANG] [--chromium PATH] [--src DIR] --out DIR", pdfExamples)
	src := cmd.Flags.String("src", ".", "course folder holding playbook.yaml")
	day := cmd.Flags.Int("day", 0, "print the packs of this day")
	all := cmd.Flags.Bool("all", false, "print the packs of every day")
	edition := cmd.Flags.String("edition", "learner", "learner prints the participants' packs; trainer the trainer's packs (timetable, notes, answer keys)")
	paper := cmd.Flags.String("paper", "a4", "a4 or letter")
	lang := cmd.Flags.String("lang", "", "print only this language (default: every language of the course)")
	chromium := cmd.Flags.String("chromium", "", "the browser to print with (default: $"+pdf.EnvChromium+", else chromium, chromium-browser or google-chrome on PATH)")
	out := cmd.Flags.String("out", "", "folder to write the PDFs into (created when missing)")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "playbook pdf: "+format+"\n\n", a...)
		cmd.Usage(stderr)
		return cli.ExitUsage
	}
	ed, err := pipeline.ParseEdition(*edition)
	if err != nil {
		return usage("--edition %q: %v", *edition, err)
	}
	sheet, ok := pdf.PaperNamed(*paper)
	if !ok {
		return usage("--paper must be a4 or letter, not %q", *paper)
	}
	if (*day == 0) == !*all {
		return usage("give either --day N or --all")
	}
	if *day < 0 {
		return usage("--day must be a day number such as 1")
	}
	if *out == "" {
		return usage("--out is required: the folder to write the PDFs into")
	}
	browser, err := pdf.FindChromium(*chromium)
	if err != nil {
		fmt.Fprintf(stderr, "playbook pdf: %v\n", err)
		return cli.ExitFailed
	}
	run := pdfRun{src: *src, edition: ed, lang: *lang, day: *day, out: *out, opts: pdf.Options{Chromium: browser, Paper: sheet}}
	return run.print(stdout, stderr, usage)
}

// pdfRun is what the flags of playbook pdf asked for, checked.
type pdfRun struct {
	src     string
	edition pipeline.Edition
	lang    string
	day     int // 0 for every day
	out     string
	opts    pdf.Options
}

// print builds the course and prints the chosen packs; usage reports a selection that finds
// nothing to print.
func (r pdfRun) print(stdout, stderr io.Writer, usage func(format string, a ...any) int) int {
	res := pipeline.Build(os.DirFS(r.src), pipeline.Options{Edition: r.edition})
	cli.PrintDiags(stderr, res.Diags)
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "the course has errors; no PDF was written")
		return cli.ExitFailed
	}
	chosen, err := pipeline.ChoosePacks(res.Manifest.Packs(r.edition == pipeline.Trainer), r.lang, r.day)
	if err != nil {
		return usage("nothing to print: %v", err)
	}
	// The trainer's edition also prints the exams in their paper versions.
	if papers, err := pipeline.ChoosePacks(res.Manifest.Papers(), r.lang, r.day); err == nil {
		chosen = append(chosen, papers...)
	}
	jobs := make([]pdf.Job, len(chosen))
	for i, p := range chosen {
		jobs[i] = pdf.Job{Page: p.Path, Out: filepath.Join(r.out, filepath.FromSlash(p.PackPDF()))}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	save := func(j pdf.Job, data []byte) error {
		if err := os.MkdirAll(filepath.Dir(j.Out), 0o755); err != nil {
			return err
		}
		return output.WriteFile(j.Out, data)
	}
	if err := pdf.PrintSite(ctx, r.opts, res.Site, jobs, save); err != nil {
		fmt.Fprintf(stderr, "playbook pdf: %v\n", err)
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "interrupted")
		}
		return cli.ExitFailed
	}
	for _, j := range jobs {
		fmt.Fprintf(stdout, "wrote %s\n", j.Out)
	}
	fmt.Fprintf(stdout, "printed %s on %s\n", cli.Count(len(jobs), "PDF"), r.opts.Paper.Name)
	return cli.ExitOK
}
