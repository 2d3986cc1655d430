package cmi5

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"playbook/internal/golden"
	"playbook/internal/nodetool"
	"playbook/site/export/lms"
	"playbook/site/pipeline"
)

// build builds the learner edition of the bundled and the test course once per test binary.
var build = sync.OnceValues(func() (map[string]*pipeline.Result, error) {
	out := map[string]*pipeline.Result{}
	for name, dir := range map[string]string{"bundled": "../../..", "test": "../../../testdata/course"} {
		res := pipeline.Build(os.DirFS(dir), pipeline.Options{})
		if res.Diags.HasErrors() {
			return nil, fmt.Errorf("building %s: %v", dir, res.Diags)
		}
		out[name] = res
	}
	return out, nil
})

func course(t *testing.T, name string) *pipeline.Result {
	t.Helper()
	all, err := build()
	if err != nil {
		t.Fatal(err)
	}
	return all[name]
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// validate checks a cmi5.xml against the course structure schema of the cmi5 specification
// (testdata/CourseStructure.xsd) with xmllint.
func validate(t *testing.T, structure []byte) error {
	t.Helper()
	xmllint := nodetool.Command(t, "xmllint", "libxml2-utils")
	file := filepath.Join(t.TempDir(), "cmi5.xml")
	must(t, os.WriteFile(file, structure, 0o644))
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "CourseStructure.xsd"), file).CombinedOutput()
	if err != nil {
		return fmt.Errorf("cmi5.xml does not validate against CourseStructure.xsd: %v\n%s", err, out)
	}
	return nil
}

// TestStructureValidates validates the cmi5.xml of every package of the bundled course
// (each language, every day and one day) against the cmi5 schema.
func TestStructureValidates(t *testing.T) {
	res := course(t, "bundled")
	for _, lang := range lms.Languages(res.Manifest) {
		for _, days := range [][]int{nil, {10}} {
			t.Run(fmt.Sprintf("%s/%v", lang, days), func(t *testing.T) {
				files, err := Files(res, Options{Lang: lang, Days: days})
				must(t, err)
				if err := validate(t, files["cmi5.xml"]); err != nil {
					t.Error(err)
				}
				want := len(days)
				if days == nil {
					want = 10
				}
				if n := strings.Count(string(files["cmi5.xml"]), "<au "); n != want {
					t.Errorf("%d AUs, want %d", n, want)
				}
			})
		}
	}
}

// TestInvalidStructureFails makes sure that the validation can fail: a moveOn cmi5 does not
// have, and a mastery score above 1.
func TestInvalidStructureFails(t *testing.T) {
	files, err := Files(course(t, "test"), Options{Lang: "en"})
	must(t, err)
	for old, bad := range map[string]string{`moveOn="Completed"`: `moveOn="Viewed"`, `masteryScore="0.`: `masteryScore="7.`} {
		broken := bytes.Replace(files["cmi5.xml"], []byte(old), []byte(bad), 1)
		if bytes.Equal(broken, files["cmi5.xml"]) {
			t.Fatalf("the test course's cmi5.xml has no %s", old)
		}
		if err := validate(t, broken); err == nil {
			t.Errorf("a cmi5.xml with %s validates", bad)
		}
	}
}

// TestStructureGolden keeps the cmi5.xml of the test course.
func TestStructureGolden(t *testing.T) {
	files, err := Files(course(t, "test"), Options{Lang: "en"})
	must(t, err)
	golden.Check(t, filepath.Join("testdata", "cmi5.xml"), files["cmi5.xml"])
}

// TestPackage checks a package's files: the whole site as the static build has it, a
// wrapper per day in the cmi5 dialect, cmi5.xml at the root, the same bytes on every run.
func TestPackage(t *testing.T) {
	res := course(t, "bundled")
	data, err := Package(res, Options{Lang: "en"})
	must(t, err)
	again, err := Package(res, Options{Lang: "en"})
	must(t, err)
	if !bytes.Equal(data, again) {
		t.Error("two packages of the same build differ")
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	names := map[string]*zip.File{}
	for _, f := range z.File {
		names[f.Name] = f
	}
	for _, p := range res.Site.Paths() {
		if names[p] == nil {
			t.Errorf("the package lacks %s", p)
		}
	}
	for _, want := range []string{"cmi5.xml", "lms/day-01.html", "lms/day-10.html", "lms/lms.js", "lms/lms-core.js", "lms/lms-cmi5.js"} {
		if names[want] == nil {
			t.Errorf("the package lacks %s", want)
		}
	}
	files, err := Files(res, Options{Lang: "en", Days: []int{1}})
	must(t, err)
	wrapper := string(files["lms/day-01.html"])
	for _, want := range []string{`data-playbook-lms="cmi5"`, `src="lms-cmi5.js"`, "connect-src https: http:"} {
		if !strings.Contains(wrapper, want) {
			t.Errorf("the wrapper of day 1 lacks %s", want)
		}
	}
	t.Logf("cmi5 package of the bundled course (en): %d files, %d bytes", len(z.File), len(data))
}

// TestChoices checks the errors of choices that find nothing, and the trainer edition's.
func TestChoices(t *testing.T) {
	res := course(t, "test")
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Lang: "fr"}, `no days in language "fr" (its languages are en, zh-CN)`},
		{Options{Lang: "en", Days: []int{7}}, "no day 7 in en (its days are 1, 2)"},
	} {
		if _, err := Files(res, c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.o, err, c.want)
		}
	}
	trainer := pipeline.Build(os.DirFS("../../../testdata/course"), pipeline.Options{Edition: pipeline.Trainer})
	if _, err := Files(trainer, Options{Lang: "en"}); err == nil {
		t.Error("a trainer edition was packaged")
	}
}

// TestCourseID checks the course's IRI: under base_url when the site has one, else a URN.
func TestCourseID(t *testing.T) {
	m := &pipeline.Manifest{Site: "crm-playbook"}
	if got := CourseID(m, "zh-CN"); got != "urn:playbook:crm-playbook:zh-CN" {
		t.Errorf("without base_url: %s", got)
	}
	m.BaseURL = "https://example.org/crm/"
	if got := CourseID(m, "en"); got != "https://example.org/crm/en/cmi5" {
		t.Errorf("with base_url: %s", got)
	}
}
