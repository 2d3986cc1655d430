// Package strictyaml reads hand-written YAML strictly: every key must be known, every value of
// the right type, and every problem is reported with its line and column, all in one pass.
// The domain packages (front matter, config, quizzes, checklists, worksheets) build on it.
package strictyaml

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/diag"
)

// Decoder turns yaml.Node values into Go values and records positioned diagnostics.
// LineOffset is added to every node's line: front matter starts below line 1 of its file.
type Decoder struct {
	Path       string
	LineOffset int
	Diags      *diag.List
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// Parse parses src as one YAML document and returns its root content node (nil for an empty
// document). A syntax error becomes a diagnostic at the line yaml.v3 names.
func (d *Decoder) Parse(src []byte) *yaml.Node {
	if !d.refuseControls(src) {
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err == nil {
		var next yaml.Node
		if dec.Decode(&next) == nil {
			line := secondDocumentLine(src, next.Line)
			d.Diags.Errorf(diag.Pos{Path: d.Path, Line: line + d.LineOffset, Col: 1},
				"a second YAML document starts here (after a \"---\" line); a file holds one document: remove the \"---\" line, or move what follows into a file of its own")
		}
	}
	if err != nil {
		msg := err.Error()
		line := 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
			// yaml.v3 may name the line after the end of the input ("unexpected end of
			// stream"); point at the last line instead.
			if last := bytes.Count(src, []byte("\n")) + 1; line > last {
				line = last
			}
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		d.Diags.Errorf(diag.Pos{Path: d.Path, Line: line + d.LineOffset, Col: 1},
			"invalid YAML: %s; check the indentation and quote values that contain ': ' or start with a special character", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// maxControlReports is how many control characters of one file are reported one by one.
const maxControlReports = 10

// refuseControls reports every control character of src (other than tab and line ends),
// every C1 control and the noncharacters U+FFFE and U+FFFF, with its position: they are
// invisible in most editors and would pass into the pages and exports. It reports whether
// src has none.
func (d *Decoder) refuseControls(src []byte) bool {
	line, col, found := 1, 1, 0
	for _, r := range string(src) {
		bad := (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) || r == 0xFFFE || r == 0xFFFF
		if bad {
			found++
			if found <= maxControlReports {
				d.Diags.Errorf(diag.Pos{Path: d.Path, Line: line + d.LineOffset, Col: col},
					"control character U+%04X is not allowed in a course file (most editors do not show it); delete it", r)
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if found > maxControlReports {
		d.Diags.Errorf(diag.Pos{Path: d.Path, Line: 1 + d.LineOffset, Col: 1},
			"%d more control characters in this file; delete them", found-maxControlReports)
	}
	return found == 0
}

// secondDocumentLine returns the line of the "---" that starts the document whose first
// node is on line first, or first when there is none.
func secondDocumentLine(src []byte, first int) int {
	lines := bytes.Split(src, []byte("\n"))
	for i := min(first, len(lines)) - 1; i >= 0; i-- {
		if bytes.HasPrefix(lines[i], []byte("---")) {
			return i + 1
		}
	}
	return first
}

// Pos returns the file position of n.
func (d *Decoder) Pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{Path: d.Path, Line: 1 + d.LineOffset, Col: 1}
	}
	return diag.Pos{Path: d.Path, Line: n.Line + d.LineOffset, Col: n.Column}
}

// Errorf records an error at n.
func (d *Decoder) Errorf(n *yaml.Node, format string, args ...any) {
	d.Diags.Errorf(d.Pos(n), format, args...)
}

// Field is one key of a mapping with its key and value nodes.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Mapping checks that n is a mapping whose keys are all in known, reporting unknown keys (with
// the nearest known key as a suggestion) and duplicate keys. It returns the fields by key.
// what names the mapping in messages, e.g. "front matter".
func (d *Decoder) Mapping(n *yaml.Node, what string, known ...string) map[string]Field {
	fields := map[string]Field{}
	n = resolve(n)
	if n == nil {
		return fields
	}
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s must be a mapping of key: value lines, found %s", what, kindName(n))
		return fields
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if !contains(known, key) {
			msg := "unknown key %q in %s"
			if s := nearest(key, known); s != "" {
				msg += "; did you mean %q?"
				d.Errorf(k, msg+" (allowed: %s)", key, what, s, strings.Join(sorted(known), ", "))
			} else {
				d.Errorf(k, msg+"; allowed keys are %s", key, what, strings.Join(sorted(known), ", "))
			}
			continue
		}
		if prev, dup := fields[key]; dup {
			d.Errorf(k, "duplicate key %q in %s (first set on line %d); keep only one", key, what, prev.Key.Line+d.LineOffset)
			continue
		}
		fields[key] = Field{Key: k, Value: v}
	}
	return fields
}

// String decodes a scalar string field. Missing fields return ok=false without a diagnostic.
func (d *Decoder) String(f map[string]Field, key string) (string, bool) {
	fl, ok := f[key]
	if !ok {
		return "", false
	}
	v := resolve(fl.Value)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.Errorf(fl.Value, "%s must be text, found %s", key, kindName(v))
		return "", false
	}
	return v.Value, true
}

// Int decodes an integer field and checks it lies in [min, max].
func (d *Decoder) Int(f map[string]Field, key string, min, max int) (int, bool) {
	fl, ok := f[key]
	if !ok {
		return 0, false
	}
	v := resolve(fl.Value)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		d.Errorf(fl.Value, "%s must be a whole number from %d to %d, found %s", key, min, max, describe(v))
		return 0, false
	}
	i, err := strconv.Atoi(v.Value)
	if err != nil || i < min || i > max {
		d.Errorf(fl.Value, "%s must be a whole number from %d to %d, found %s", key, min, max, v.Value)
		return 0, false
	}
	return i, true
}

// Bool decodes a boolean field (true or false).
func (d *Decoder) Bool(f map[string]Field, key string) (bool, bool) {
	fl, ok := f[key]
	if !ok {
		return false, false
	}
	v := resolve(fl.Value)
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		d.Errorf(fl.Value, "%s must be true or false, found %s", key, describe(v))
		return false, false
	}
	return v.Value == "true" || v.Value == "True" || v.Value == "TRUE", true
}

// Strings decodes a list of text items; a single text value is accepted as a list of one.
func (d *Decoder) Strings(f map[string]Field, key string) ([]string, bool) {
	fl, ok := f[key]
	if !ok {
		return nil, false
	}
	v := resolve(fl.Value)
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return []string{v.Value}, true
	}
	if v == nil || v.Kind != yaml.SequenceNode {
		d.Errorf(fl.Value, "%s must be a list of text items (lines starting with \"- \"), found %s", key, kindName(v))
		return nil, false
	}
	out := make([]string, 0, len(v.Content))
	good := true
	for _, item := range v.Content {
		item = resolve(item)
		if item == nil || item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.Errorf(item, "each item of %s must be text, found %s", key, kindName(item))
			good = false
			continue
		}
		out = append(out, item.Value)
	}
	return out, good
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "an empty value"
		}
		return "a value"
	}
	return "something else"
}

func describe(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return strconv.Quote(n.Value)
	}
	return kindName(n)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sorted(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}

// nearest returns the known key closest to key by edit distance, if it is close enough to be a
// likely typo.
func nearest(key string, known []string) string {
	best, bestDist := "", 3
	for _, k := range sorted(known) {
		dist := editDistance(strings.ToLower(key), k)
		if dist < bestDist && 2*dist < len(key) {
			best, bestDist = k, dist
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Text is a text in every language, with the YAML node each came from (for positions).
type Text struct {
	values map[string]string
	nodes  map[string]*yaml.Node
}

// Get returns the text in lang.
func (t Text) Get(lang string) string { return t.values[lang] }

// Node returns the YAML node the text in lang came from, or nil.
func (t Text) Node(lang string) *yaml.Node { return t.nodes[lang] }

// Map returns the texts by language.
func (t Text) Map() map[string]string {
	out := make(map[string]string, len(t.values))
	for k, v := range t.values {
		out[k] = v
	}
	return out
}

// IsZero reports whether the text was never set.
func (t Text) IsZero() bool { return t.values == nil }

// Localized decodes a text field that is either one plain string (the same in every language)
// or a mapping from language code to text, which must give every language in langs.
func (d *Decoder) Localized(f map[string]Field, key string, langs []string) (Text, bool) {
	fl, ok := f[key]
	if !ok {
		return Text{}, false
	}
	return d.LocalizedNode(fl.Value, key, langs)
}

// LocalizedNode decodes n as a localized text; what names it in messages.
func (d *Decoder) LocalizedNode(n *yaml.Node, what string, langs []string) (Text, bool) {
	v := resolve(n)
	t := Text{values: map[string]string{}, nodes: map[string]*yaml.Node{}}
	if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		for _, l := range langs {
			t.values[l], t.nodes[l] = v.Value, v
		}
		return t, true
	}
	if v == nil || v.Kind != yaml.MappingNode {
		d.Errorf(n, "%s must be text, or a mapping of language to text such as {%s}, found %s", what, exampleLangs(langs), kindName(v))
		return Text{}, false
	}
	fields := d.Mapping(v, what, langs...)
	good := true
	for _, l := range langs {
		s, ok := d.String(fields, l)
		if !ok {
			if _, present := fields[l]; !present {
				d.Errorf(n, "%s has no %s translation; add a line \"%s: ...\"", what, l, l)
			}
			good = false
			continue
		}
		t.values[l], t.nodes[l] = s, resolve(fields[l].Value)
	}
	if !good {
		return Text{}, false
	}
	return t, true
}

func exampleLangs(langs []string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = l + ": ..."
	}
	return strings.Join(parts, ", ")
}

// Number decodes a number field (whole or decimal) and checks it lies in [min, max].
func (d *Decoder) Number(f map[string]Field, key string, min, max float64) (float64, bool) {
	fl, ok := f[key]
	if !ok {
		return 0, false
	}
	v := resolve(fl.Value)
	if v == nil || v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		d.Errorf(fl.Value, "%s must be a number from %g to %g, found %s", key, min, max, describe(v))
		return 0, false
	}
	x, err := strconv.ParseFloat(v.Value, 64)
	if err != nil || x < min || x > max {
		d.Errorf(fl.Value, "%s must be a number from %g to %g, found %s", key, min, max, v.Value)
		return 0, false
	}
	return x, true
}

// Seq returns the items of a list field; anything else is reported.
func (d *Decoder) Seq(f map[string]Field, key string) ([]*yaml.Node, bool) {
	fl, ok := f[key]
	if !ok {
		return nil, false
	}
	v := resolve(fl.Value)
	if v == nil || v.Kind != yaml.SequenceNode {
		d.Errorf(fl.Value, "%s must be a list (lines starting with \"- \"), found %s", key, kindName(v))
		return nil, false
	}
	items := make([]*yaml.Node, len(v.Content))
	for i, c := range v.Content {
		items[i] = resolve(c)
	}
	return items, true
}

// Resolve follows YAML aliases to the node they name.
func Resolve(n *yaml.Node) *yaml.Node { return resolve(n) }

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ID decodes an identifier field: lower-case letters, digits and hyphens.
func (d *Decoder) ID(f map[string]Field, key string) (string, bool) {
	s, ok := d.String(f, key)
	if !ok {
		return "", false
	}
	if !idPattern.MatchString(s) {
		d.Errorf(f[key].Value, "%s %q must use only lower-case letters, digits and hyphens, e.g. %q", key, s, suggestID(s))
		return "", false
	}
	return s, true
}

func suggestID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "question-1"
	}
	return b.String()
}

// IsNull reports whether n is absent or an explicit empty value.
func IsNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// NewText makes a Text from texts by language, for defaults that do not come from a file.
func NewText(values map[string]string) Text {
	t := Text{values: map[string]string{}, nodes: map[string]*yaml.Node{}}
	for k, v := range values {
		t.values[k] = v
	}
	return t
}
