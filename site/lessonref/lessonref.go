// Package lessonref reads the "source" of a quiz question or checklist item: the lesson
// section that teaches it, given once for every language or once per language.
package lessonref

import (
	"strings"

	"playbook/site/diag"
	"playbook/site/strictyaml"
)

// Ref points at a lesson section in every language: a path inside content/<lang>/ and an
// optional anchor.
type Ref struct {
	Path     map[string]string
	Fragment map[string]string
	Pos      diag.Pos
}

// Parse reads the field key of f as a Ref. It returns nil when the field is absent or wrong
// (the problem is reported).
func Parse(d *strictyaml.Decoder, f map[string]strictyaml.Field, key string, langs []string) *Ref {
	fl, ok := f[key]
	if !ok {
		return nil
	}
	t, ok := d.LocalizedNode(fl.Value, key, langs)
	if !ok {
		return nil
	}
	r := &Ref{Path: map[string]string{}, Fragment: map[string]string{}, Pos: d.Pos(fl.Value)}
	for _, l := range langs {
		target, frag, _ := strings.Cut(strings.TrimSpace(t.Get(l)), "#")
		if target == "" || strings.HasPrefix(target, "/") || strings.Contains(target, "://") || strings.HasPrefix(target, "..") {
			d.Errorf(t.Node(l), "%s %q must be a lesson path inside content/%s/, e.g. day-01-what-crm-is/01-what-crm-means.md#two-meanings", key, t.Get(l), l)
			return nil
		}
		r.Path[l], r.Fragment[l] = target, frag
	}
	return r
}
