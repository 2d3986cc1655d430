// Package coverage reads frameworks.yaml, the list of the frameworks the course teaches, and
// works out for each where it is taught and how it is practised: the lesson sections, the
// quiz questions whose source is one of those sections, and the checklists, worksheets and
// role-play scenarios.
// The trainer edition shows the result as a table; check reports a framework that should be
// practised and is not.
package coverage

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/strictyaml"
)

// FileName is the framework list at the root of a course.
const FileName = "frameworks.yaml"

// Framework is one row of the coverage table.
type Framework struct {
	ID   string
	Name strictyaml.Text
	// Sections are the lesson sections that teach it.
	Sections []*lessonref.Ref
	// Practice lists checklist, worksheet and scenario files (checklists/x.yaml,
	// worksheets/y.yaml, scenarios/z.yaml).
	Practice []string
	// MustPractise says the syllabus wants a quiz question, a checklist or a worksheet.
	MustPractise bool
	Pos          diag.Pos
}

// Parse reads frameworks.yaml.
func Parse(src []byte, langs []string, diags *diag.List) []*Framework {
	d := &strictyaml.Decoder{Path: FileName, Diags: diags}
	root := d.Parse(src)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.SequenceNode {
		d.Errorf(root, "%s must be a list of frameworks (lines starting with \"- \")", FileName)
		return nil
	}
	var out []*Framework
	ids := map[string]bool{}
	for i, n := range root.Content {
		f := d.Mapping(n, fmt.Sprintf("framework %d", i+1), "id", "name", "sections", "practice", "practised")
		if n.Kind != yaml.MappingNode {
			continue
		}
		fw := &Framework{Pos: d.Pos(n)}
		var ok bool
		if fw.ID, ok = d.ID(f, "id"); !ok {
			d.Errorf(n, "framework %d has no id; add e.g. \"id: man-rule\"", i+1)
			continue
		}
		if ids[fw.ID] {
			d.Errorf(n, "duplicate framework id %q", fw.ID)
			continue
		}
		ids[fw.ID] = true
		if fw.Name, ok = d.Localized(f, "name", langs); !ok {
			d.Errorf(n, "framework %s has no name; add \"name: {en: ..., zh-CN: ...}\"", fw.ID)
		}
		fw.MustPractise, _ = d.Bool(f, "practised")
		if items, ok := d.Seq(f, "sections"); ok {
			for _, s := range items {
				ref := lessonref.Parse(d, map[string]strictyaml.Field{"section": {Key: s, Value: s}}, "section", langs)
				if ref != nil {
					fw.Sections = append(fw.Sections, ref)
				}
			}
		}
		if len(fw.Sections) == 0 {
			d.Errorf(n, "framework %s names no lesson section; add \"sections: [day-NN-topic/NN-lesson.md#id]\"", fw.ID)
		}
		if list, ok := d.Strings(f, "practice"); ok {
			for _, p := range list {
				if !strings.HasPrefix(p, "checklists/") && !strings.HasPrefix(p, "worksheets/") && !strings.HasPrefix(p, "scenarios/") {
					d.Errorf(f["practice"].Value, "practice %q must be a checklist, worksheet or scenario file, e.g. worksheets/man-qualification.yaml", p)
					continue
				}
				fw.Practice = append(fw.Practice, p)
			}
		}
		out = append(out, fw)
	}
	return out
}

// Teaches reports whether the framework's sections include the lesson section that s points
// at, in lang: the same lesson and, where the framework names an anchor, the same anchor.
func (fw *Framework) Teaches(lang string, s *lessonref.Ref) bool {
	for _, section := range fw.Sections {
		if section.Path[lang] == s.Path[lang] && (section.Fragment[lang] == "" || section.Fragment[lang] == s.Fragment[lang]) {
			return true
		}
	}
	return false
}
