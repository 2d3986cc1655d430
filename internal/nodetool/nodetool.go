// Package nodetool finds the tools that tests run beside Go: the npm packages of the
// repository's tools/node folder (installed by .ci/run with npm ci) and programs on PATH
// (xmllint). When one is missing the test is skipped, unless the environment variable
// PLAYBOOK_REQUIRE_TOOLS is 1: then it fails, so that a CI job that must run such tests
// cannot pass by skipping them (as PLAYBOOK_REQUIRE_BROWSER does for the browser).
package nodetool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// EnvRequire names the environment variable that turns a missing tool from a skip into a
// failure when it is "1".
const EnvRequire = "PLAYBOOK_REQUIRE_TOOLS"

// Install is how to install the npm tools, from the repository's root.
const Install = "npm ci --prefix tools/node"

// Module returns the folder of npm package name in tools/node/node_modules, or skips the
// test (fails it when PLAYBOOK_REQUIRE_TOOLS=1) when it is not installed.
func Module(t testing.TB, name string) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("finding the repository: %v", err)
	}
	dir := filepath.Join(root, "tools", "node", "node_modules", filepath.FromSlash(name))
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		missing(t, fmt.Sprintf("the npm package %s is not installed (%s)", name, Install))
	}
	return dir
}

// Command returns the path of program name on PATH, or skips the test (fails it when
// PLAYBOOK_REQUIRE_TOOLS=1); pkg is the Debian package that brings it.
func Command(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, fmt.Sprintf("%s is not installed (apt-get install -y %s)", name, pkg))
	}
	return p
}

// missing skips or fails the test for a missing tool.
func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("%s, and %s=1 requires it", why, EnvRequire)
	}
	t.Skip(why)
}

// repoRoot is the folder of go.mod, found from the working directory (a test runs in its
// package's folder).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
