package worksheetfile

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/bands"
	"playbook/site/diag"
	"playbook/site/material"
	"playbook/site/strictyaml"
	"playbook/site/worksheet"
	"playbook/site/worksheet/formula"
)

var commonKeys = []string{"id", "kind", "title", "description", "example", "day"}

var kindKeys = map[worksheet.Kind][]string{
	worksheet.Ranking:    {"value", "method", "bands"},
	worksheet.Rating:     {"scale", "criteria", "bands"},
	worksheet.Decision:   {"factors", "outcomes"},
	worksheet.Matrix:     {"x", "y", "quadrants"},
	worksheet.Calculator: {"inputs", "outputs"},
}

// Parse reads one worksheet from normalised YAML text. Every problem goes to diags.
func Parse(path string, src []byte, langs []string, diags *diag.List) *worksheet.Worksheet {
	d := &strictyaml.Decoder{Path: path, Diags: diags}
	root := d.Parse(src)
	if root == nil {
		if !diags.HasErrors() {
			d.Errorf(nil, "worksheet file is empty; see docs/worksheets.md for the format")
		}
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.Mapping(root, "worksheet")
		return nil
	}
	p := &parser{d: d, langs: langs}
	w := &worksheet.Worksheet{Path: path}
	// Unknown keys are checked against every key of every kind first; keys of another kind
	// are reported once the kind is known.
	all := append([]string{}, commonKeys...)
	for _, k := range worksheet.Kinds() {
		all = append(all, kindKeys[k]...)
	}
	f := d.Mapping(root, "worksheet", unique(all)...)
	kind, ok := d.String(f, "kind")
	if !ok {
		p.require(f, root, "kind", "kind: ranking")
		return nil
	}
	w.Kind = worksheet.Kind(kind)
	allowed, known := kindKeys[w.Kind]
	if !known {
		d.Errorf(f["kind"].Value, "worksheet kind %q is not known; use one of ranking, rating, decision, matrix, calculator", kind)
		return nil
	}
	for key, fl := range f {
		if !contains(commonKeys, key) && !contains(allowed, key) {
			d.Errorf(fl.Key, "%s worksheets have no %q (it belongs to another kind)", w.Kind, key)
		}
	}
	if w.ID, ok = d.ID(f, "id"); !ok {
		p.require(f, root, "id", "id: value-tiers")
	}
	if w.Title, ok = d.Localized(f, "title", langs); !ok {
		p.require(f, root, "title", "title: {en: ..., zh-CN: ...}")
	}
	w.Description, _ = d.Localized(f, "description", langs)
	w.Example, _ = d.Localized(f, "example", langs)
	if w.Day, ok = d.Int(f, "day", 1, 10); !ok {
		p.require(f, root, "day", "day: 3")
	}
	switch w.Kind {
	case worksheet.Ranking:
		p.ranking(w, f, root)
	case worksheet.Rating:
		p.rating(w, f, root)
	case worksheet.Decision:
		p.decision(w, f, root)
	case worksheet.Matrix:
		p.matrix(w, f, root)
	case worksheet.Calculator:
		p.calculator(w, f, root)
	}
	return w
}

type parser struct {
	d     *strictyaml.Decoder
	langs []string
}

func (p *parser) require(f map[string]strictyaml.Field, at *yaml.Node, key, example string) {
	if _, present := f[key]; !present {
		p.d.Errorf(at, "missing %s; add e.g. \"%s\"", key, example)
	}
}

// text reads a required or optional localized text field.
func (p *parser) text(f map[string]strictyaml.Field, at *yaml.Node, key string, required bool) strictyaml.Text {
	t, ok := p.d.Localized(f, key, p.langs)
	if !ok && required {
		p.require(f, at, key, key+": {en: ..., zh-CN: ...}")
	}
	return t
}

// list reads a required list field.
func (p *parser) list(f map[string]strictyaml.Field, at *yaml.Node, key, example string, least int) []*yaml.Node {
	items, ok := p.d.Seq(f, key)
	if !ok {
		p.require(f, at, key, example)
		return nil
	}
	if len(items) < least {
		p.d.Errorf(f[key].Value, "%s needs at least %d entries, found %d", key, least, len(items))
	}
	return items
}

// ids checks an id field and its uniqueness among seen.
func (p *parser) id(f map[string]strictyaml.Field, at *yaml.Node, what string, seen map[string]bool) (string, bool) {
	id, ok := p.d.ID(f, "id")
	if !ok {
		p.require(f, at, "id", "id: "+what)
		return "", false
	}
	if seen[id] {
		p.d.Errorf(at, "duplicate %s id %q", what, id)
		return "", false
	}
	seen[id] = true
	return id, true
}

func (p *parser) ranking(w *worksheet.Worksheet, f map[string]strictyaml.Field, root *yaml.Node) {
	w.ValueLabel = p.text(f, root, "value", true)
	if m, ok := p.d.String(f, "method"); ok {
		switch m {
		case "customers":
		case "value":
			w.ByValue = true
		default:
			p.d.Errorf(f["method"].Value, "method %q is not known; use customers (share of customers) or value (cumulative share of value)", m)
		}
	} else {
		p.require(f, root, "method", "method: customers")
	}
	seen := map[string]bool{}
	total := 0.0
	for _, n := range p.list(f, root, "bands", "bands: followed by {id, label, share, treatment} entries", 2) {
		bf := p.d.Mapping(n, "band", "id", "label", "share", "treatment")
		if n.Kind != yaml.MappingNode {
			continue
		}
		b := &worksheet.Band{}
		var ok bool
		if b.ID, ok = p.id(bf, n, "band", seen); !ok {
			continue
		}
		b.Label = p.text(bf, n, "label", true)
		b.Treatment = p.text(bf, n, "treatment", true)
		if b.Share, ok = p.d.Number(bf, "share", 0.01, 100); !ok {
			p.require(bf, n, "share", "share: 20")
		}
		total += b.Share
		w.Bands = append(w.Bands, b)
	}
	if fl, ok := f["bands"]; ok && len(w.Bands) > 0 && math.Abs(total-100) > 1e-9 {
		p.d.Errorf(fl.Value, "the band shares add up to %g%%, not 100%%; adjust them so every customer has a band", total)
	}
}

func (p *parser) rating(w *worksheet.Worksheet, f map[string]strictyaml.Field, root *yaml.Node) {
	if fl, ok := f["scale"]; ok {
		sf := p.d.Mapping(fl.Value, "scale", "min", "max", "low", "high")
		lo, ok1 := p.d.Int(sf, "min", 0, 100)
		hi, ok2 := p.d.Int(sf, "max", 1, 100)
		if !ok1 {
			p.require(sf, fl.Value, "min", "min: 1")
		}
		if !ok2 {
			p.require(sf, fl.Value, "max", "max: 5")
		}
		if ok1 && ok2 && lo >= hi {
			p.d.Errorf(fl.Value, "the scale runs from %d to %d; max must be above min", lo, hi)
		}
		w.Scale = worksheet.RatingScale{Min: lo, Max: hi, Low: p.text(sf, fl.Value, "low", false), High: p.text(sf, fl.Value, "high", false)}
	} else {
		p.require(f, root, "scale", "scale: {min: 1, max: 5}")
	}
	seen := map[string]bool{}
	for _, n := range p.list(f, root, "criteria", "criteria: followed by {id, label, weight} entries", 1) {
		cf := p.d.Mapping(n, "criterion", "id", "label", "hint", "weight")
		if n.Kind != yaml.MappingNode {
			continue
		}
		c := &worksheet.Criterion{Weight: 1}
		var ok bool
		if c.ID, ok = p.id(cf, n, "criterion", seen); !ok {
			continue
		}
		c.Label = p.text(cf, n, "label", true)
		c.Hint = p.text(cf, n, "hint", false)
		if wt, ok := p.d.Number(cf, "weight", 0.5, 10); ok {
			c.Weight = wt
		}
		w.Criteria = append(w.Criteria, c)
	}
	w.Bands = p.percentBands(f, root)
}

// percentBands reads bands of whole percents that must cover 0-100 without gap or overlap.
func (p *parser) percentBands(f map[string]strictyaml.Field, root *yaml.Node) []*worksheet.Band {
	type placed struct {
		band *worksheet.Band
		node *yaml.Node
	}
	var all []placed
	seen := map[string]bool{}
	for _, n := range p.list(f, root, "bands", "bands: followed by {id, min, max, label, treatment} entries", 2) {
		bf := p.d.Mapping(n, "band", "id", "min", "max", "label", "treatment")
		if n.Kind != yaml.MappingNode {
			continue
		}
		b := &worksheet.Band{}
		var ok bool
		if b.ID, ok = p.id(bf, n, "band", seen); !ok {
			continue
		}
		b.Label = p.text(bf, n, "label", true)
		b.Treatment = p.text(bf, n, "treatment", true)
		lo, ok1 := p.d.Int(bf, "min", 0, 100)
		hi, ok2 := p.d.Int(bf, "max", 0, 100)
		if !ok1 {
			p.require(bf, n, "min", "min: 0")
		}
		if !ok2 {
			p.require(bf, n, "max", "max: 100")
		}
		if !ok1 || !ok2 {
			continue
		}
		if lo > hi {
			p.d.Errorf(n, "band %s runs from %d to %d; min must not be above max", b.ID, lo, hi)
			continue
		}
		b.Min, b.Max = lo, hi
		all = append(all, placed{b, n})
	}
	ranges := make([]bands.Range, len(all))
	for i, x := range all {
		ranges[i] = bands.Range{ID: x.band.ID, Min: x.band.Min, Max: x.band.Max, Node: x.node}
	}
	var out []*worksheet.Band
	for _, i := range bands.Check(p.d, ranges) {
		out = append(out, all[i].band)
	}
	return out
}

func (p *parser) decision(w *worksheet.Worksheet, f map[string]strictyaml.Field, root *yaml.Node) {
	seen := map[string]bool{}
	for _, n := range p.list(f, root, "factors", "factors: followed by {id, label} entries", 1) {
		ff := p.d.Mapping(n, "factor", "id", "label")
		if n.Kind != yaml.MappingNode {
			continue
		}
		id, ok := p.id(ff, n, "factor", seen)
		if !ok {
			continue
		}
		w.Factors = append(w.Factors, &worksheet.Factor{ID: id, Label: p.text(ff, n, "label", true)})
	}
	if len(w.Factors) > 6 {
		p.d.Errorf(f["factors"].Value, "%d factors make %d combinations; keep a decision table to at most 6 factors", len(w.Factors), 1<<len(w.Factors))
		return
	}
	covered := map[string]*yaml.Node{}
	for _, n := range p.list(f, root, "outcomes", "outcomes: followed by {when, label, action} entries", 1) {
		of := p.d.Mapping(n, "outcome", "when", "label", "action")
		if n.Kind != yaml.MappingNode {
			continue
		}
		o := &worksheet.Outcome{When: map[string]bool{}, Pos: p.d.Pos(n)}
		o.Label = p.text(of, n, "label", true)
		o.Action = p.text(of, n, "action", true)
		fl, ok := of["when"]
		if !ok {
			p.require(of, n, "when", "when: {money: yes, authority: no, need: yes}")
			continue
		}
		ids := make([]string, len(w.Factors))
		for i, fac := range w.Factors {
			ids[i] = fac.ID
		}
		wf := p.d.Mapping(fl.Value, "when", ids...)
		good := true
		for _, fac := range w.Factors {
			v, ok := wf[fac.ID]
			if !ok {
				p.d.Errorf(fl.Value, "when does not say %s; give every factor: yes or no", fac.ID)
				good = false
				continue
			}
			b, ok := yesNo(strictyaml.Resolve(v.Value))
			if !ok {
				p.d.Errorf(v.Value, "%s must be yes or no, found %q", fac.ID, v.Value.Value)
				good = false
				continue
			}
			o.When[fac.ID] = b
		}
		if !good {
			continue
		}
		key := comboKey(w.Factors, o.When)
		if prev, dup := covered[key]; dup {
			p.d.Errorf(n, "this combination (%s) already has an outcome on line %d; keep one", key, prev.Line)
			continue
		}
		covered[key] = n
		w.Outcomes = append(w.Outcomes, o)
	}
	if fl, ok := f["outcomes"]; ok && len(w.Factors) > 0 {
		var missing []string
		for mask := 0; mask < 1<<len(w.Factors); mask++ {
			when := map[string]bool{}
			for i, fac := range w.Factors {
				when[fac.ID] = mask&(1<<(len(w.Factors)-1-i)) == 0
			}
			if key := comboKey(w.Factors, when); covered[key] == nil {
				missing = append(missing, key)
			}
		}
		if len(missing) > 0 {
			p.d.Errorf(fl.Value, "no outcome for %s; every combination of the factors needs one", strings.Join(missing, "; "))
		}
	}
}

// comboKey names a combination of answers, e.g. "money=yes, authority=no".
func comboKey(factors []*worksheet.Factor, when map[string]bool) string {
	parts := make([]string, len(factors))
	for i, f := range factors {
		v := "no"
		if when[f.ID] {
			v = "yes"
		}
		parts[i] = f.ID + "=" + v
	}
	return strings.Join(parts, ", ")
}

func yesNo(n *yaml.Node) (bool, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(n.Value) {
	case "yes", "true", "y":
		return true, true
	case "no", "false", "n":
		return false, true
	}
	return false, false
}

func (p *parser) matrix(w *worksheet.Worksheet, f map[string]strictyaml.Field, root *yaml.Node) {
	w.X = p.axis(f, root, "x")
	w.Y = p.axis(f, root, "y")
	seen := map[string]bool{}
	cells := map[[2]bool]*yaml.Node{}
	for _, n := range p.list(f, root, "quadrants", "quadrants: followed by four {id, x, y, label, treatment} entries", 4) {
		qf := p.d.Mapping(n, "quadrant", "id", "x", "y", "label", "treatment")
		if n.Kind != yaml.MappingNode {
			continue
		}
		q := &worksheet.Quadrant{}
		var ok bool
		if q.ID, ok = p.id(qf, n, "quadrant", seen); !ok {
			continue
		}
		q.Label = p.text(qf, n, "label", true)
		q.Treatment = p.text(qf, n, "treatment", true)
		xs, ok1 := p.d.String(qf, "x")
		ys, ok2 := p.d.String(qf, "y")
		if !ok1 || (xs != "high" && xs != "low") {
			p.d.Errorf(n, "quadrant %s needs x: high or x: low", q.ID)
			continue
		}
		if !ok2 || (ys != "high" && ys != "low") {
			p.d.Errorf(n, "quadrant %s needs y: high or y: low", q.ID)
			continue
		}
		q.XHigh, q.YHigh = xs == "high", ys == "high"
		cell := [2]bool{q.XHigh, q.YHigh}
		if prev, dup := cells[cell]; dup {
			p.d.Errorf(n, "quadrant %s is x: %s, y: %s like the quadrant on line %d; each corner needs its own", q.ID, xs, ys, prev.Line)
			continue
		}
		cells[cell] = n
		w.Quadrants = append(w.Quadrants, q)
	}
	if fl, ok := f["quadrants"]; ok && len(cells) < 4 {
		var missing []string
		for _, c := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
			if cells[c] == nil {
				missing = append(missing, fmt.Sprintf("x: %s, y: %s", worksheet.HighLow(c[0]), worksheet.HighLow(c[1])))
			}
		}
		p.d.Errorf(fl.Value, "no quadrant for %s; a matrix needs all four", strings.Join(missing, "; "))
	}
}

func (p *parser) axis(f map[string]strictyaml.Field, root *yaml.Node, key string) *worksheet.Axis {
	fl, ok := f[key]
	if !ok {
		p.require(f, root, key, key+": {id: ..., label: ..., low: ..., high: ..., min: 0, max: 10, split: 5}")
		return nil
	}
	af := p.d.Mapping(fl.Value, key, "id", "label", "low", "high", "min", "max", "split", "yes_no")
	a := &worksheet.Axis{}
	var good bool
	if a.ID, good = p.d.ID(af, "id"); !good {
		p.require(af, fl.Value, "id", "id: loyalty")
	}
	a.Label = p.text(af, fl.Value, "label", true)
	a.Low = p.text(af, fl.Value, "low", true)
	a.High = p.text(af, fl.Value, "high", true)
	a.YesNo, _ = p.d.Bool(af, "yes_no")
	if a.YesNo {
		for _, k := range []string{"min", "max", "split"} {
			if x, ok := af[k]; ok {
				p.d.Errorf(x.Key, "a yes/no axis has no %s; remove it, or remove yes_no to score the axis", k)
			}
		}
		return a
	}
	lo, ok1 := p.d.Number(af, "min", -1e9, 1e9)
	hi, ok2 := p.d.Number(af, "max", -1e9, 1e9)
	split, ok3 := p.d.Number(af, "split", -1e9, 1e9)
	for k, ok := range map[string]bool{"min": ok1, "max": ok2, "split": ok3} {
		if !ok {
			p.require(af, fl.Value, k, k+": 5")
		}
	}
	if ok1 && ok2 && ok3 && !(lo < split && split <= hi) {
		p.d.Errorf(fl.Value, "%s axis: split must lie above min and not above max (min %g, split %g, max %g)", key, lo, split, hi)
	}
	a.Min, a.Max, a.Split = lo, hi, split
	return a
}

var idRef = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func (p *parser) calculator(w *worksheet.Worksheet, f map[string]strictyaml.Field, root *yaml.Node) {
	seen := map[string]bool{}
	inputs := map[string]*worksheet.Input{}
	for _, n := range p.list(f, root, "inputs", "inputs: followed by {id, label, default} entries", 1) {
		inf := p.d.Mapping(n, "input", "id", "label", "unit", "default", "min", "max", "step")
		if n.Kind != yaml.MappingNode {
			continue
		}
		in := &worksheet.Input{Step: 1}
		id, ok := p.d.String(inf, "id")
		if !ok || !idRef.MatchString(id) {
			p.d.Errorf(n, "an input needs an id of lower-case letters, digits and underscores that starts with a letter (it is used in formulas), e.g. id: fuel_cost")
			continue
		}
		if seen[id] {
			p.d.Errorf(n, "duplicate name %q", id)
			continue
		}
		seen[id] = true
		in.ID = id
		in.Label = p.text(inf, n, "label", true)
		in.Unit = p.text(inf, n, "unit", false)
		in.Default, _ = p.d.Number(inf, "default", -1e12, 1e12)
		in.Min, in.HasMin = p.d.Number(inf, "min", -1e12, 1e12)
		in.Max, in.HasMax = p.d.Number(inf, "max", -1e12, 1e12)
		if s, ok := p.d.Number(inf, "step", 1e-9, 1e12); ok {
			in.Step = s
		}
		if in.HasMin && in.HasMax && in.Min > in.Max {
			p.d.Errorf(n, "input %s: min %g is above max %g", id, in.Min, in.Max)
		}
		if (in.HasMin && in.Default < in.Min) || (in.HasMax && in.Default > in.Max) {
			p.d.Errorf(n, "input %s: the default %g lies outside min and max", id, in.Default)
		}
		inputs[id] = in
		w.Inputs = append(w.Inputs, in)
	}
	for _, n := range p.list(f, root, "outputs", "outputs: followed by {id, label, formula} entries", 1) {
		of := p.d.Mapping(n, "output", "id", "label", "unit", "formula", "decimals")
		if n.Kind != yaml.MappingNode {
			continue
		}
		id, ok := p.d.String(of, "id")
		if !ok || !idRef.MatchString(id) {
			p.d.Errorf(n, "an output needs an id of lower-case letters, digits and underscores that starts with a letter, e.g. id: cost_per_hour")
			continue
		}
		if seen[id] {
			p.d.Errorf(n, "duplicate name %q", id)
			continue
		}
		o := &worksheet.Output{ID: id, Pos: p.d.Pos(n), Decimals: 2}
		o.Label = p.text(of, n, "label", true)
		o.Unit = p.text(of, n, "unit", false)
		if dec, ok := p.d.Int(of, "decimals", 0, 6); ok {
			o.Decimals = dec
		}
		fl, ok := of["formula"]
		if !ok {
			p.require(of, n, "formula", "formula: \"(fee + fuel) / hours\"")
			continue
		}
		o.Formula, _ = p.d.String(of, "formula")
		o.Expr = p.formula(fl.Value, o.Formula, seen, inputs)
		seen[id] = true
		w.Outputs = append(w.Outputs, o)
	}
}

// formula parses and checks one formula: within the limits of the formula package, known
// names defined before use, known functions with the right number of arguments, no division
// by an input that may be zero.
func (p *parser) formula(n *yaml.Node, src string, defined map[string]bool, inputs map[string]*worksheet.Input) *formula.Expr {
	// An offset in the formula is a column on the line of a one-line scalar; a block scalar
	// (| or >) starts on the line below its indicator, so its problems point at the indicator.
	at := func(offset int) diag.Pos {
		pos := p.d.Pos(n)
		if n.Line > 0 && !strings.Contains(src, "\n") && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
			pos.Col += offset
			if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				pos.Col++
			}
		}
		return pos
	}
	e, err := formula.Parse(src)
	if err != nil {
		fe := err.(*formula.Error)
		p.d.Diags.Errorf(at(fe.Offset), "formula: %s", fe.Msg)
		return nil
	}
	good := true
	e.Walk(func(x *formula.Expr) {
		switch x.Op {
		case "var":
			if !defined[x.Name] {
				good = false
				p.d.Diags.Errorf(at(x.Pos), "formula uses %q, which is not an input or an earlier output; check the spelling or move the output it names above this one", x.Name)
			}
		case "call":
			known, err := formula.CheckCall(x.Name, len(x.Args))
			switch {
			case !known:
				good = false
				p.d.Diags.Errorf(at(x.Pos), "formula calls %s(), which is not a function; use min, max, round, abs, sqrt or geomsum", x.Name)
			case err != nil:
				good = false
				p.d.Diags.Errorf(at(x.Pos), "%v", err)
			}
		case "/":
			den := x.Args[1]
			if den.Op == "var" {
				if in, ok := inputs[den.Name]; ok && (!in.HasMin || in.Min <= 0) && (!in.HasMax || in.Max >= 0) {
					p.d.Diags.Errorf(at(x.Pos), "formula divides by %s, which may be 0; give the input %s a min above 0", den.Name, den.Name)
				}
			}
			if den.Op == "num" && den.Num == 0 {
				p.d.Diags.Errorf(at(x.Pos), "formula divides by 0")
			}
		}
	})
	if !good {
		return nil
	}
	return e
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func unique(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// ParseMaterial is Parse as the material.Parser of the worksheet kind.
func ParseMaterial(path string, src []byte, langs []string, diags *diag.List) material.Material {
	if x := Parse(path, src, langs, diags); x != nil {
		return x
	}
	return nil
}
