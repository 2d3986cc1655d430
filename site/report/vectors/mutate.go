package vectors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"

	"playbook/site/report/jsonpos"
)

// Mutant is a file derived from a vector: the mutations made, and its bytes.
type Mutant struct {
	Name string
	Data []byte
}

// Hostile values swapped in: keys that name members every JavaScript object has (or none
// may be), numbers at and past the edges of what both readers keep, and strings that look
// like numbers, dates or results.
var (
	hostileKeys    = []string{"__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "", "__defineGetter__"}
	hostileNumbers = []string{"-1", "1.5", "-0", "1e999", "-1e999", "1e-400", "9007199254740991", "9007199254740992", "1e2", "0.1e1", "2.0"}
	hostileStrings = []string{"", "NaN", "Infinity", "1", "true", "null", "2026-02-30", "2026-11-25T24:00:00Z", "2026-11-25", "2026-11-25T10:00:00.0001Z",
		"Right", "right", "partly", "unanswered", "playbook-progress", "test-course", "__proto__", "\u2028", "\ufeff"}
)

// Mutants derives n files from the accepted cases of s, deterministically from seed: each
// takes one case and applies one to three mutations (a value of another type, a field
// dropped, a key renamed to a hostile one, a hostile number or string, a key given twice,
// deeper nesting), or cuts the file short. Half of them start from a case with scenarios,
// which are few among the cases, so that the scenario rules get their share. Their verdicts
// are whatever the Go reader says: the point is that the page says the same.
func Mutants(s *Set, seed uint64, n int) []Mutant {
	var bases, withScenarios []*Case
	for _, c := range s.Cases {
		if c.Accept && len(c.Data) < 64<<10 {
			bases = append(bases, c)
			if bytes.Contains(c.Data, []byte(`"scenarios":{"`)) {
				withScenarios = append(withScenarios, c)
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Mutant, 0, n)
	for i := 0; i < n; i++ {
		from := bases
		if len(withScenarios) > 0 && r.IntN(2) == 0 {
			from = withScenarios
		}
		base := from[r.IntN(len(from))]
		m := mutant{r: r}
		data := m.apply(base.Data)
		out = append(out, Mutant{Name: fmt.Sprintf("%d: %s: %s", i, base.Name, m.what), Data: data})
	}
	return out
}

type mutant struct {
	r    *rand.Rand
	what string
}

func (m *mutant) note(format string, args ...any) {
	if m.what != "" {
		m.what += ", "
	}
	m.what += fmt.Sprintf(format, args...)
}

func (m *mutant) apply(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	root, err := jsonpos.Decode(data)
	if err != nil || m.r.IntN(8) == 0 {
		cut := m.r.IntN(len(data) + 1)
		m.note("cut at byte %d", cut)
		return data[:cut]
	}
	for k := 1 + m.r.IntN(3); k > 0; k-- {
		m.mutate(root)
	}
	var b bytes.Buffer
	encode(&b, root)
	return b.Bytes()
}

// node is a value and where it sits: its parent object's key or its parent list's index.
type node struct {
	v, parent *jsonpos.Value
	key       string
	index     int
}

func nodes(v, parent *jsonpos.Value, key string, index int, out []node) []node {
	out = append(out, node{v, parent, key, index})
	for _, k := range v.Keys {
		out = nodes(v.Fields[k], v, k, 0, out)
	}
	for i, item := range v.Items {
		out = nodes(item, v, "", i, out)
	}
	return out
}

func (n node) set(v *jsonpos.Value) {
	switch {
	case n.parent == nil:
		*n.v = *v
	case n.parent.Kind == jsonpos.Object:
		n.parent.Fields[n.key] = v
	default:
		n.parent.Items[n.index] = v
	}
}

func (m *mutant) mutate(root *jsonpos.Value) {
	all := nodes(root, nil, "", 0, nil)
	var objects []node
	for _, n := range all {
		if n.v.Kind == jsonpos.Object && len(n.v.Keys) > 0 {
			objects = append(objects, n)
		}
	}
	pick := all[m.r.IntN(len(all))]
	switch m.r.IntN(7) {
	case 0: // a value of another type
		kinds := []*jsonpos.Value{{Kind: jsonpos.Null}, {Kind: jsonpos.Bool, Bool: true}, {Kind: jsonpos.Number, Lit: "0"},
			{Kind: jsonpos.String, Str: "x"}, {Kind: jsonpos.Array}, {Kind: jsonpos.Object, Fields: map[string]*jsonpos.Value{}}}
		v := kinds[m.r.IntN(len(kinds))]
		m.note("%s became %s", pick.name(), v.Kind)
		pick.set(v)
	case 1: // a field dropped
		if len(objects) == 0 {
			return
		}
		o := objects[m.r.IntN(len(objects))].v
		i := m.r.IntN(len(o.Keys))
		m.note("dropped %q", o.Keys[i])
		delete(o.Fields, o.Keys[i])
		o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
	case 2: // a key renamed to a hostile one
		if len(objects) == 0 {
			return
		}
		o := objects[m.r.IntN(len(objects))].v
		i, key := m.r.IntN(len(o.Keys)), hostileKeys[m.r.IntN(len(hostileKeys))]
		m.note("renamed %q to %q", o.Keys[i], key)
		v := o.Fields[o.Keys[i]]
		delete(o.Fields, o.Keys[i])
		o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
		if _, ok := o.Fields[key]; !ok {
			o.Keys = append(o.Keys, key)
		}
		o.Fields[key] = v
	case 3: // a hostile number
		lit := hostileNumbers[m.r.IntN(len(hostileNumbers))]
		m.note("%s became %s", pick.name(), lit)
		pick.set(&jsonpos.Value{Kind: jsonpos.Number, Lit: lit})
	case 4: // a hostile string
		s := hostileStrings[m.r.IntN(len(hostileStrings))]
		m.note("%s became %q", pick.name(), s)
		pick.set(&jsonpos.Value{Kind: jsonpos.String, Str: s})
	case 5: // a key given twice: encode writes the field again, with another value, first
		if len(objects) == 0 {
			return
		}
		o := objects[m.r.IntN(len(objects))].v
		key := o.Keys[m.r.IntN(len(o.Keys))]
		m.note("%q given twice", key)
		o.Keys = append([]string{"\x00twice:" + key}, o.Keys...)
		o.Fields["\x00twice:"+key] = &jsonpos.Value{Kind: jsonpos.Number, Lit: "-1"}
	case 6: // deeper nesting
		depth := 25 + m.r.IntN(15)
		m.note("%s wrapped in %d lists", pick.name(), depth)
		inner := *pick.v // a copy: set replaces the root in place
		v := &inner
		for range depth {
			v = &jsonpos.Value{Kind: jsonpos.Array, Items: []*jsonpos.Value{v}}
		}
		pick.set(v)
	}
}

func (n node) name() string {
	switch {
	case n.parent == nil:
		return "the file"
	case n.parent.Kind == jsonpos.Object:
		return strconv.Quote(n.key)
	}
	return fmt.Sprintf("item %d", n.index)
}

// encode writes v as JSON, numbers as written (so that 1e999 stays 1e999) and keys in
// order; a key "\x00twice:K" is written as K, which gives a key twice.
func encode(b *bytes.Buffer, v *jsonpos.Value) {
	switch v.Kind {
	case jsonpos.Null:
		b.WriteString("null")
	case jsonpos.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case jsonpos.Number:
		b.WriteString(v.Lit)
	case jsonpos.String:
		s, _ := json.Marshal(v.Str)
		b.Write(s)
	case jsonpos.Array:
		b.WriteByte('[')
		for i, item := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			encode(b, item)
		}
		b.WriteByte(']')
	case jsonpos.Object:
		b.WriteByte('{')
		for i, k := range v.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			name := k
			if len(k) > 7 && k[:7] == "\x00twice:" {
				name = k[7:]
			}
			s, _ := json.Marshal(name)
			b.Write(s)
			b.WriteByte(':')
			encode(b, v.Fields[k])
		}
		b.WriteByte('}')
	}
}
