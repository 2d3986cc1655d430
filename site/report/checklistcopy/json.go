package checklistcopy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"playbook/site/report/jsonpos"
)

// IsJSONExport reports whether data is JSON that names itself a checklist export (its
// "format" is Format), however broken the rest of it: how a folder of exports and progress
// files is told apart.
func IsJSONExport(data []byte) bool {
	var head struct {
		Format any `json:"format"`
	}
	if json.Unmarshal(bytes.TrimPrefix(data, bom), &head) != nil {
		return false
	}
	return head.Format == Format
}

// ParseJSON reads a JSON export with the rules the page's import follows, and a few more:
// format, version, site and checklist must be there; the texts must be strings; fields and
// answers must map keys to strings, actions keys to {owner, due}; no key may be "" or
// __proto__; a present exported must be a date. Fields the format does not define are
// ignored, and so is a score that is not shaped as the page writes it.
func ParseJSON(data []byte) (*Copy, error) {
	data = bytes.TrimPrefix(data, bom)
	root, err := jsonpos.Decode(data)
	if err != nil {
		se := err.(*jsonpos.SyntaxError)
		line, col := jsonpos.LineCol(data, se.Off)
		return nil, &ParseError{Line: line, Col: col, Msg: se.Msg}
	}
	r := &jsonReader{data: data}
	c := r.copy(root)
	if r.err != nil {
		return nil, r.err
	}
	return c, nil
}

// jsonReader validates a decoded export; it keeps the first problem found.
type jsonReader struct {
	data []byte
	err  *ParseError
}

func (r *jsonReader) fail(v *jsonpos.Value, format string, args ...any) {
	if r.err != nil {
		return
	}
	r.err = &ParseError{Msg: fmt.Sprintf(format, args...)}
	r.err.Line, r.err.Col = jsonpos.LineCol(r.data, v.Off)
}

func (r *jsonReader) copy(root *jsonpos.Value) *Copy {
	if root.Kind != jsonpos.Object {
		r.fail(root, "not a checklist export: the file holds %s, not an object", root.Kind)
		return nil
	}
	switch f := root.Get("format"); {
	case f == nil:
		r.fail(root, `not a checklist export: "format" is missing`)
	case f.Kind != jsonpos.String || f.Str != Format:
		r.fail(f, "not a checklist export: format is %s, not %q", f.Describe(), Format)
	}
	switch v := root.Get("version"); {
	case r.err != nil:
	case v == nil:
		r.fail(root, `"version" is missing`)
	case !v.Finite() || v.Num != float64(int64(v.Num)):
		r.fail(v, "version must be a whole number, not %s", v.Describe())
	case v.Num != Version:
		r.fail(v, "unknown version %s of the checklist export; this reader knows version %d", v.Lit, Version)
	}
	if r.err != nil {
		return nil
	}
	c := &Copy{Kind: JSON, Fields: map[string]string{}, Actions: map[string]Action{}}
	c.Site = r.text(root, "site", true)
	c.Checklist = r.text(root, "checklist", true)
	c.ChecklistVersion = r.text(root, "checklist_version", false)
	c.Name = r.text(root, "name", false)
	if v := root.Get("exported"); v != nil {
		c.Exported = r.date(v, "exported")
	}
	if v := root.Get("fields"); v != nil && r.object(v, "fields") {
		for _, k := range v.Keys {
			c.Fields[k] = r.str(v.Fields[k], fmt.Sprintf("fields[%q]", k))
		}
	}
	if v := root.Get("answers"); v != nil && r.object(v, "answers") {
		for _, k := range v.Keys {
			a := v.Fields[k]
			level := r.str(a, fmt.Sprintf("answers[%q]", k))
			line, col := jsonpos.LineCol(r.data, a.Off)
			c.setAnswer(Answer{Item: k, Level: level, Line: line, Col: col})
		}
	}
	if v := root.Get("actions"); v != nil && r.object(v, "actions") {
		for _, k := range v.Keys {
			a := v.Fields[k]
			if !r.object(a, fmt.Sprintf("actions[%q]", k)) {
				break
			}
			c.Actions[k] = Action{Owner: r.optional(a, "owner", fmt.Sprintf("actions[%q].owner", k)), Due: r.optional(a, "due", fmt.Sprintf("actions[%q].due", k))}
		}
	}
	c.Score = score(root.Get("score"))
	if r.err != nil {
		return nil
	}
	return c
}

// text reads the string field key of the export; a required one must be there and not empty.
func (r *jsonReader) text(root *jsonpos.Value, key string, required bool) string {
	v := root.Get(key)
	switch {
	case v == nil && required:
		r.fail(root, "%q is missing", key)
	case v == nil:
	case v.Kind != jsonpos.String:
		r.fail(v, "%s must be a string, not %s", key, v.Describe())
	case v.Str == "" && required:
		r.fail(v, "%s must not be empty", key)
	default:
		return v.Str
	}
	return ""
}

// optional reads the field key of obj, named name in messages, as a string; "" when absent.
func (r *jsonReader) optional(obj *jsonpos.Value, key, name string) string {
	if v := obj.Get(key); v != nil {
		return r.str(v, name)
	}
	return ""
}

// str reads v, named name in messages, as a string.
func (r *jsonReader) str(v *jsonpos.Value, name string) string {
	if v.Kind != jsonpos.String {
		r.fail(v, "%s must be a string, not %s", name, v.Describe())
		return ""
	}
	return v.Str
}

// object checks that v is an object whose keys are not "" or __proto__ (the page refuses
// both).
func (r *jsonReader) object(v *jsonpos.Value, name string) bool {
	if v.Kind != jsonpos.Object {
		r.fail(v, "%s must be an object, not %s", name, v.Describe())
		return false
	}
	for _, k := range v.Keys {
		if k == "" || k == "__proto__" {
			r.fail(v.Fields[k], "%s has the key %q, which is not allowed", name, k)
			return false
		}
	}
	return true
}

// date reads an ISO 8601 time as Date.toISOString writes it (any RFC 3339 time), or a
// plain date.
func (r *jsonReader) date(v *jsonpos.Value, name string) time.Time {
	if v.Kind == jsonpos.String {
		if t, err := time.Parse(time.RFC3339Nano, v.Str); err == nil {
			return t.UTC()
		}
		if t, err := time.Parse(time.DateOnly, v.Str); err == nil {
			return t
		}
	}
	r.fail(v, "%s %s is not a date such as 2026-11-25T09:41:00.000Z", name, v.Describe())
	return time.Time{}
}

// score reads the score the page wrote, or nil when it is not shaped as the page writes it.
func score(v *jsonpos.Value) *Score {
	if v == nil || v.Kind != jsonpos.Object {
		return nil
	}
	s := &Score{}
	switch p := v.Get("percent"); {
	case p != nil && p.Finite():
		s.Percent = &p.Num
	case p != nil && p.Kind == jsonpos.Null:
	default:
		return nil
	}
	switch b := v.Get("band"); {
	case b != nil && b.Kind == jsonpos.String:
		s.Band = b.Str
	case b != nil && b.Kind == jsonpos.Null:
	default:
		return nil
	}
	return s
}
