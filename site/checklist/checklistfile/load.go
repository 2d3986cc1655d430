package checklistfile

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/bands"
	"playbook/site/checklist"
	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/material"
	"playbook/site/strictyaml"
)

// reservedIDs are the names of the page's header fields, which item ids must not reuse.
var reservedIDs = []string{"team", "person", "date", "reviewer"}

var checklistKeys = []string{"id", "title", "description", "day", "audience", "scale", "sections", "items", "bands"}

// DefaultScale is the response scale of a checklist that gives none.
func DefaultScale() []*checklist.Level {
	return []*checklist.Level{
		{ID: "yes", Label: strictyaml.NewText(map[string]string{"en": "Yes", "zh-CN": "是"}), Points: 2},
		{ID: "partly", Label: strictyaml.NewText(map[string]string{"en": "Partly", "zh-CN": "部分"}), Points: 1, Action: true},
		{ID: "no", Label: strictyaml.NewText(map[string]string{"en": "No", "zh-CN": "否"}), Points: 0, Action: true},
		{ID: "na", Label: strictyaml.NewText(map[string]string{"en": "N/A", "zh-CN": "不适用"}), NotApplicable: true},
	}
}

// Parse reads one checklist from normalised YAML text. Every problem goes to diags.
func Parse(path string, src []byte, langs []string, diags *diag.List) *checklist.Checklist {
	d := &strictyaml.Decoder{Path: path, Diags: diags}
	root := d.Parse(src)
	if root == nil {
		if !diags.HasErrors() {
			d.Errorf(nil, "checklist file is empty; see docs/checklists.md for the format")
		}
		return nil
	}
	f := d.Mapping(root, "checklist", checklistKeys...)
	if root.Kind != yaml.MappingNode {
		return nil
	}
	p := &parser{d: d, langs: langs}
	c := &checklist.Checklist{Path: path}
	var ok bool
	if c.ID, ok = d.ID(f, "id"); !ok {
		p.require(f, root, "id", "id: prospect-development")
	}
	if c.Title, ok = d.Localized(f, "title", langs); !ok {
		p.require(f, root, "title", "title: {en: ..., zh-CN: ...}")
	}
	c.Description, _ = d.Localized(f, "description", langs)
	if c.Day, ok = d.Int(f, "day", 1, 10); !ok {
		p.require(f, root, "day", "day: 5")
	}
	c.Audience = p.audience(f)
	c.Scale = p.scale(f)
	c.Sections = p.sections(f, root)
	c.Bands = p.bands(f, root)
	return c
}

type parser struct {
	d     *strictyaml.Decoder
	langs []string
	items map[string]*yaml.Node
}

func (p *parser) require(f map[string]strictyaml.Field, at *yaml.Node, key, example string) {
	if _, present := f[key]; !present {
		p.d.Errorf(at, "missing %s; add e.g. \"%s\"", key, example)
	}
}

func (p *parser) audience(f map[string]strictyaml.Field) []string {
	list, ok := p.d.Strings(f, "audience")
	if !ok {
		return nil
	}
	var out []string
	for _, a := range list {
		if !contains(checklist.Audiences(), a) {
			p.d.Errorf(f["audience"].Value, "audience %q is not known; use %s", a, strings.Join(checklist.Audiences(), ", "))
			continue
		}
		out = append(out, a)
	}
	return out
}

func (p *parser) scale(f map[string]strictyaml.Field) []*checklist.Level {
	items, ok := p.d.Seq(f, "scale")
	if !ok {
		return DefaultScale()
	}
	var out []*checklist.Level
	ids := map[string]bool{}
	scored := 0
	for _, n := range items {
		lf := p.d.Mapping(n, "scale level", "id", "label", "points", "not_applicable", "action")
		if n.Kind != yaml.MappingNode {
			continue
		}
		l := &checklist.Level{}
		var ok bool
		if l.ID, ok = p.d.ID(lf, "id"); !ok {
			p.require(lf, n, "id", "id: yes")
			continue
		}
		if ids[l.ID] {
			p.d.Errorf(n, "duplicate scale level %q", l.ID)
			continue
		}
		ids[l.ID] = true
		if l.Label, ok = p.d.Localized(lf, "label", p.langs); !ok {
			p.require(lf, n, "label", "label: {en: Yes, zh-CN: 是}")
		}
		l.NotApplicable, _ = p.d.Bool(lf, "not_applicable")
		l.Action, _ = p.d.Bool(lf, "action")
		pts, hasPoints := p.d.Number(lf, "points", 0, 100)
		switch {
		case l.NotApplicable && hasPoints:
			p.d.Errorf(lf["points"].Key, "a not-applicable level scores nothing; remove points")
		case !l.NotApplicable && !hasPoints:
			p.require(lf, n, "points", "points: 2")
		}
		if l.NotApplicable && l.Action {
			p.d.Errorf(lf["action"].Key, "a not-applicable level cannot put items on the action list")
		}
		l.Points = pts
		if !l.NotApplicable {
			scored++
		}
		out = append(out, l)
	}
	if scored < 2 {
		p.d.Errorf(f["scale"].Value, "the scale needs at least two scored levels (e.g. yes and no), found %d", scored)
	}
	max := 0.0
	for _, l := range out {
		if !l.NotApplicable && l.Points > max {
			max = l.Points
		}
	}
	if scored >= 2 && max == 0 {
		p.d.Errorf(f["scale"].Value, "every level scores 0 points, so every checklist would score 0%%; give the best level points")
	}
	return out
}

func (p *parser) sections(f map[string]strictyaml.Field, root *yaml.Node) []*checklist.Section {
	p.items = map[string]*yaml.Node{}
	_, hasSections := f["sections"]
	_, hasItems := f["items"]
	switch {
	case hasSections && hasItems:
		p.d.Errorf(f["items"].Key, "use either sections (each with its items) or a flat items list, not both")
		return nil
	case hasItems:
		list, ok := p.d.Seq(f, "items")
		if !ok {
			return nil
		}
		s := &checklist.Section{Items: p.itemList(list, f["items"].Value)}
		return []*checklist.Section{s}
	case hasSections:
		list, ok := p.d.Seq(f, "sections")
		if !ok {
			return nil
		}
		var out []*checklist.Section
		ids := map[string]bool{}
		for _, n := range list {
			sf := p.d.Mapping(n, "section", "id", "title", "items")
			if n.Kind != yaml.MappingNode {
				continue
			}
			s := &checklist.Section{}
			var ok bool
			if s.ID, ok = p.d.ID(sf, "id"); !ok {
				p.require(sf, n, "id", "id: finding-prospects")
			} else if ids[s.ID] {
				p.d.Errorf(n, "duplicate section id %q", s.ID)
			}
			ids[s.ID] = true
			if s.Title, ok = p.d.Localized(sf, "title", p.langs); !ok {
				p.require(sf, n, "title", "title: {en: ..., zh-CN: ...}")
			}
			items, ok := p.d.Seq(sf, "items")
			if !ok {
				p.require(sf, n, "items", "items: followed by the section's items")
				continue
			}
			s.Items = p.itemList(items, sf["items"].Value)
			out = append(out, s)
		}
		return out
	}
	p.d.Errorf(root, "the checklist has no items; add \"items:\" (or \"sections:\" with items)")
	return nil
}

func (p *parser) itemList(list []*yaml.Node, at *yaml.Node) []*checklist.Item {
	if len(list) == 0 {
		p.d.Errorf(at, "the list of items is empty; add at least one item")
	}
	var out []*checklist.Item
	for i, n := range list {
		it := p.item(n, i+1)
		if it != nil {
			out = append(out, it)
		}
	}
	return out
}

func (p *parser) item(n *yaml.Node, number int) *checklist.Item {
	f := p.d.Mapping(n, fmt.Sprintf("item %d", number), "id", "text", "hint", "source", "weight")
	if n.Kind != yaml.MappingNode {
		return nil
	}
	it := &checklist.Item{Weight: 1, Pos: p.d.Pos(n)}
	var ok bool
	if it.ID, ok = p.d.ID(f, "id"); !ok {
		p.require(f, n, "id", "id: keeps-prospect-cards")
		return nil
	}
	if contains(reservedIDs, it.ID) {
		p.d.Errorf(f["id"].Value, "item id %q is taken by a header field of the page (%s); choose another id", it.ID, strings.Join(reservedIDs, ", "))
		return nil
	}
	if prev, dup := p.items[it.ID]; dup {
		p.d.Errorf(n, "duplicate item id %q (also on line %d); item ids must be unique in the checklist", it.ID, prev.Line)
		return nil
	}
	p.items[it.ID] = n
	if it.Text, ok = p.d.Localized(f, "text", p.langs); !ok {
		p.require(f, n, "text", "text: {en: ..., zh-CN: ...}")
	} else {
		p.notBlank(it.Text, "the text of item "+it.ID)
	}
	if it.Hint, ok = p.d.Localized(f, "hint", p.langs); ok {
		p.notBlank(it.Hint, "the hint of item "+it.ID)
	}
	if w, ok := p.d.Number(f, "weight", 0.5, 10); ok {
		it.Weight = w
	}
	it.Source = lessonref.Parse(p.d, f, "source", p.langs)
	return it
}

// bands reads the score bands and checks that they cover 0-100 without gaps or overlaps.
func (p *parser) bands(f map[string]strictyaml.Field, root *yaml.Node) []*checklist.Band {
	list, ok := p.d.Seq(f, "bands")
	if !ok {
		p.require(f, root, "bands", "bands: followed by ranges such as {id: ready, min: 80, max: 100, label: ..., advice: ...}")
		return nil
	}
	type placed struct {
		band *checklist.Band
		node *yaml.Node
	}
	var all []placed
	ids := map[string]bool{}
	for _, n := range list {
		bf := p.d.Mapping(n, "band", "id", "min", "max", "label", "advice")
		if n.Kind != yaml.MappingNode {
			continue
		}
		b := &checklist.Band{}
		good := true
		var ok bool
		if b.ID, ok = p.d.ID(bf, "id"); !ok {
			p.require(bf, n, "id", "id: ready")
			good = false
		} else if ids[b.ID] {
			p.d.Errorf(n, "duplicate band id %q", b.ID)
		}
		ids[b.ID] = true
		if b.Min, ok = p.d.Int(bf, "min", 0, 100); !ok {
			p.require(bf, n, "min", "min: 0")
			good = false
		}
		if b.Max, ok = p.d.Int(bf, "max", 0, 100); !ok {
			p.require(bf, n, "max", "max: 100")
			good = false
		}
		if b.Label, ok = p.d.Localized(bf, "label", p.langs); !ok {
			p.require(bf, n, "label", "label: {en: Ready, zh-CN: ...}")
		}
		if b.Advice, ok = p.d.Localized(bf, "advice", p.langs); !ok {
			p.require(bf, n, "advice", "advice: {en: what to do next, zh-CN: ...}")
		}
		if good && b.Min > b.Max {
			p.d.Errorf(n, "band %s runs from %d to %d; min must not be above max", b.ID, b.Min, b.Max)
			good = false
		}
		if good {
			all = append(all, placed{b, n})
		}
	}
	ranges := make([]bands.Range, len(all))
	for i, x := range all {
		ranges[i] = bands.Range{ID: x.band.ID, Min: x.band.Min, Max: x.band.Max, Node: x.node}
	}
	var out []*checklist.Band
	for _, i := range bands.Check(p.d, ranges) {
		out = append(out, all[i].band)
	}
	return out
}

func (p *parser) notBlank(t strictyaml.Text, what string) {
	reported := map[*yaml.Node]bool{}
	for _, l := range p.langs {
		if strings.TrimSpace(t.Get(l)) != "" || reported[t.Node(l)] {
			continue
		}
		reported[t.Node(l)] = true
		p.d.Errorf(t.Node(l), "%s is empty (%s); write the text", what, l)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseMaterial is Parse as the material.Parser of the checklist kind.
func ParseMaterial(path string, src []byte, langs []string, diags *diag.List) material.Material {
	if x := Parse(path, src, langs, diags); x != nil {
		return x
	}
	return nil
}
