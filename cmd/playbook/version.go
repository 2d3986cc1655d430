package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"playbook/internal/cli"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3"; otherwise the module
// version or VCS revision recorded in the binary is shown.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	cmd := cli.NewCommand("version", "version", "  playbook version\n")
	if code, ok := cmd.Parse(args, stdout, stderr); !ok {
		return code
	}
	fmt.Fprintf(stdout, "playbook %s\n", versionString())
	return cli.ExitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return v + " " + info.GoVersion
}
