package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"playbook/site/diag"
)

// command is a subcommand's flag set with the text of its help.
type command struct {
	flags    *flag.FlagSet
	synopsis string
	examples string
}

func newCommand(name, synopsis, examples string) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &command{flags: fs, synopsis: synopsis, examples: examples}
}

// usage prints the command's synopsis, flags and examples to w.
func (c *command) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage:\n  playbook %s\n\nFlags:\n", c.synopsis)
	c.flags.SetOutput(w)
	c.flags.PrintDefaults()
	c.flags.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nExamples:\n%s", c.examples)
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// parse parses args. It returns false with an exit code when the command should stop: help
// was asked for (0), or the arguments are wrong (2).
func (c *command) parse(args []string, stdout, stderr io.Writer) (int, bool) {
	err := c.flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.usage(stdout)
		return exitOK, false
	case err != nil:
		fmt.Fprintf(stderr, "playbook %s: %v\n\n", c.flags.Name(), err)
		c.usage(stderr)
		return exitUsage, false
	case c.flags.NArg() > 0:
		fmt.Fprintf(stderr, "playbook %s: unexpected argument %q\n\n", c.flags.Name(), c.flags.Arg(0))
		c.usage(stderr)
		return exitUsage, false
	}
	return exitOK, true
}

// parseFiles parses args that mix flags and file names, as in
// "report progress/*.json --out class.html". It returns the file names in order; after
// "--" every argument is a file name. On false, the command should stop with the code.
func (c *command) parseFiles(args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	var files []string
	for {
		err := c.flags.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			c.usage(stdout)
			return nil, exitOK, false
		case err != nil:
			fmt.Fprintf(stderr, "playbook %s: %v\n\n", c.flags.Name(), err)
			c.usage(stderr)
			return nil, exitUsage, false
		}
		rest := c.flags.Args()
		if len(rest) == 0 {
			return files, exitOK, true
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(files, rest...), exitOK, true
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// printDiags prints diagnostics one per line, then a count of errors and warnings.
func printDiags(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
	errs := diags.ErrorCount()
	warns := len(diags) - errs
	if errs > 0 {
		fmt.Fprintf(w, "%s, %s\n", count(errs, "error"), count(warns, "warning"))
	}
}

func count(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
