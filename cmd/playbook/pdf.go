package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

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
	cmd := newCommand("pdf", "pdf [--day N | --all] [--edition learner|trainer] [--paper a4|letter] [--lang LANG] [--chromium PATH] [--src DIR] --out DIR", pdfExamples)
	src := cmd.flags.String("src", ".", "course folder holding playbook.yaml")
	day := cmd.flags.Int("day", 0, "print the packs of this day")
	all := cmd.flags.Bool("all", false, "print the packs of every day")
	edition := cmd.flags.String("edition", "learner", "learner prints the participants' packs; trainer the trainer's packs (timetable, notes, answer keys)")
	paper := cmd.flags.String("paper", "a4", "a4 or letter")
	lang := cmd.flags.String("lang", "", "print only this language (default: every language of the course)")
	chromium := cmd.flags.String("chromium", "", "the browser to print with (default: $"+pdf.EnvChromium+", else chromium, chromium-browser or google-chrome on PATH)")
	out := cmd.flags.String("out", "", "folder to write the PDFs into (created when missing)")
	if code, ok := cmd.parse(args, stdout, stderr); !ok {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "playbook pdf: "+format+"\n\n", a...)
		cmd.usage(stderr)
		return exitUsage
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
		return exitFailed
	}
	res := pipeline.Build(os.DirFS(*src), pipeline.Options{Edition: ed})
	printDiags(stderr, res.Diags)
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "the course has errors; no PDF was written")
		return exitFailed
	}
	packs := res.Manifest.Packs(ed == pipeline.Trainer)
	var chosen []pipeline.Entry
	for _, p := range packs {
		if (*lang == "" || p.Lang == *lang) && (*all || p.Day == *day) {
			chosen = append(chosen, p)
		}
	}
	if len(chosen) == 0 {
		return usage("nothing to print: %s", describePacks(packs, *lang, *day))
	}
	site, err := os.MkdirTemp("", "playbook-pdf-")
	if err != nil {
		fmt.Fprintf(stderr, "playbook pdf: %v\n", err)
		return exitFailed
	}
	defer os.RemoveAll(site)
	dir := filepath.Join(site, "site")
	if err := output.Write(res.Site, dir); err != nil {
		fmt.Fprintf(stderr, "playbook pdf: %v\n", err)
		return exitFailed
	}
	kind := "participant"
	if ed == pipeline.Trainer {
		kind = "trainer"
	}
	var jobs []pdf.Job
	for _, p := range chosen {
		jobs = append(jobs, pdf.Job{
			Page: filepath.Join(dir, filepath.FromSlash(p.Path)),
			Out:  filepath.Join(*out, p.Lang, fmt.Sprintf("day-%02d-%s.pdf", p.Day, kind)),
		})
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	save := func(j pdf.Job, data []byte) error {
		if err := os.MkdirAll(filepath.Dir(j.Out), 0o755); err != nil {
			return err
		}
		return writeFileAtomic(j.Out, data)
	}
	if err := pdf.Print(ctx, pdf.Options{Chromium: browser, Paper: sheet}, jobs, save); err != nil {
		fmt.Fprintf(stderr, "playbook pdf: %v\n", err)
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "interrupted")
		}
		return exitFailed
	}
	for _, j := range jobs {
		fmt.Fprintf(stdout, "wrote %s\n", j.Out)
	}
	fmt.Fprintf(stdout, "printed %s on %s\n", count(len(jobs), "pack"), sheet.Name)
	return exitOK
}

// describePacks says which days and languages have packs, for a selection that found none.
func describePacks(packs []pipeline.Entry, lang string, day int) string {
	var days []int
	langs := map[string]bool{}
	for _, p := range packs {
		langs[p.Lang] = true
		if (lang == "" || p.Lang == lang) && !slices.Contains(days, p.Day) {
			days = append(days, p.Day)
		}
	}
	if lang != "" && !langs[lang] {
		var names []string
		for l := range langs {
			names = append(names, l)
		}
		slices.Sort(names)
		return fmt.Sprintf("the course has no language %q (it has %s)", lang, strings.Join(names, ", "))
	}
	slices.Sort(days)
	var list []string
	for _, d := range days {
		list = append(list, fmt.Sprint(d))
	}
	return fmt.Sprintf("the course has no day %d (its days are %s)", day, strings.Join(list, ", "))
}
