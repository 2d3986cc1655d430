// Package cli is the frame every playbook command shares: a command's flags and the text of
// its help, the parsing of arguments that mix flags and file names, the exit codes, and
// diagnostics printed for a person. The commands themselves live in cmd/playbook.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"playbook/site/diag"
)

// The exit codes of every command.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
)

// Command is a subcommand's flag set with the text of its help.
type Command struct {
	// Flags are the command's flags; they print nothing themselves (Usage does).
	Flags    *flag.FlagSet
	synopsis string
	examples string
}

// NewCommand returns the command "playbook name" with no flags yet: synopsis is its usage
// line without "playbook ", examples the lines shown under "Examples:".
func NewCommand(name, synopsis, examples string) *Command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &Command{Flags: fs, synopsis: synopsis, examples: examples}
}

// Usage prints the command's synopsis, flags and examples to w.
func (c *Command) Usage(w io.Writer) {
	fmt.Fprintf(w, "Usage:\n  playbook %s\n\nFlags:\n", c.synopsis)
	c.Flags.SetOutput(w)
	c.Flags.PrintDefaults()
	c.Flags.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nExamples:\n%s", c.examples)
}

// MultiFlag collects a repeatable string flag.
type MultiFlag []string

// String returns the values given, separated by commas.
func (m *MultiFlag) String() string { return strings.Join(*m, ",") }

// Set adds a value.
func (m *MultiFlag) Set(v string) error { *m = append(*m, v); return nil }

// Parse parses args. It returns false with an exit code when the command should stop: help
// was asked for (0), or the arguments are wrong (2).
func (c *Command) Parse(args []string, stdout, stderr io.Writer) (int, bool) {
	err := c.Flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.Usage(stdout)
		return ExitOK, false
	case err != nil:
		fmt.Fprintf(stderr, "playbook %s: %v\n\n", c.Flags.Name(), err)
		c.Usage(stderr)
		return ExitUsage, false
	case c.Flags.NArg() > 0:
		fmt.Fprintf(stderr, "playbook %s: unexpected argument %q\n\n", c.Flags.Name(), c.Flags.Arg(0))
		c.Usage(stderr)
		return ExitUsage, false
	}
	return ExitOK, true
}

// ParseFiles parses args that mix flags and file names, as in
// "report progress/*.json --out class.html". It returns the file names in order; after
// "--" every argument is a file name. On false, the command should stop with the code.
func (c *Command) ParseFiles(args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	var files []string
	for {
		err := c.Flags.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			c.Usage(stdout)
			return nil, ExitOK, false
		case err != nil:
			fmt.Fprintf(stderr, "playbook %s: %v\n\n", c.Flags.Name(), err)
			c.Usage(stderr)
			return nil, ExitUsage, false
		}
		rest := c.Flags.Args()
		if len(rest) == 0 {
			return files, ExitOK, true
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(files, rest...), ExitOK, true
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// PrintDiags prints diagnostics one per line, then a count of errors and warnings.
func PrintDiags(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
	errs := diags.ErrorCount()
	warns := len(diags) - errs
	if errs > 0 {
		fmt.Fprintf(w, "%s, %s\n", Count(errs, "error"), Count(warns, "warning"))
	}
}

// Count words a count of a noun: "1 error", "3 warnings".
func Count(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
