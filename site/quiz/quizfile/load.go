package quizfile

import (
	"fmt"
	"math"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/diag"
	"playbook/site/lessonref"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/quiz/lint"
	"playbook/site/strictyaml"
)

var quizKeys = []string{"id", "title", "description", "day", "mode", "pass_mark", "shuffle", "time_limit", "questions"}

var questionKeys = []string{"id", "type", "points", "scenario", "prompt", "options", "keep_order", "answer", "feedback", "items", "pairs", "distractors", "model_answer", "explanation", "source"}

// keysByType lists the keys each question type may use beyond the common ones.
var keysByType = map[quiz.Type][]string{
	quiz.Single:     {"options", "keep_order", "answer"},
	quiz.Multiple:   {"options", "keep_order", "answer"},
	quiz.TrueFalse:  {"answer", "feedback"},
	quiz.Ordering:   {"items"},
	quiz.Matching:   {"pairs", "distractors"},
	quiz.Reflection: {"model_answer"},
}

var commonKeys = []string{"id", "type", "points", "scenario", "prompt", "explanation", "source"}

// Parse reads one quiz from normalised YAML text. Every problem goes to diags; the quiz is
// returned whenever its top level could be read, so later checks can still run.
func Parse(path string, src []byte, langs []string, diags *diag.List) *quiz.Quiz {
	d := &strictyaml.Decoder{Path: path, Diags: diags}
	root := d.Parse(src)
	if root == nil {
		if !diags.HasErrors() {
			d.Errorf(nil, "quiz file is empty; see docs/quizzes.md for the format")
		}
		return nil
	}
	f := d.Mapping(root, "quiz", quizKeys...)
	if root.Kind != yaml.MappingNode {
		return nil
	}
	q := &quiz.Quiz{Path: path, Mode: quiz.SelfCheck, PassMark: 70, Pos: d.Pos(root)}
	p := &parser{d: d, langs: langs}
	var ok bool
	if q.ID, ok = d.ID(f, "id"); !ok {
		p.require(f, root, "id", "id: day-01-self-check")
	}
	if q.Title, ok = d.Localized(f, "title", langs); !ok {
		p.require(f, root, "title", "title: {en: ..., zh-CN: ...}")
	}
	q.Description, _ = d.Localized(f, "description", langs)
	if q.Day, ok = d.Int(f, "day", 1, 10); !ok {
		p.require(f, root, "day", "day: 1")
	}
	if mode, ok := d.String(f, "mode"); ok {
		switch quiz.Mode(mode) {
		case quiz.SelfCheck, quiz.Exam:
			q.Mode = quiz.Mode(mode)
		default:
			d.Errorf(f["mode"].Value, "mode %q is not known; use self-check (instant feedback) or exam (no feedback)", mode)
		}
	}
	if pm, ok := d.Int(f, "pass_mark", 0, 100); ok {
		q.PassMark = pm
	}
	if sh, ok := d.String(f, "shuffle"); ok {
		switch sh {
		case "none":
		case "questions":
			q.ShuffleQuestions = true
		case "options":
			q.ShuffleOptions = true
		case "all":
			q.ShuffleQuestions, q.ShuffleOptions = true, true
		default:
			d.Errorf(f["shuffle"].Value, "shuffle %q is not known; use none, questions, options or all", sh)
		}
	}
	q.TimeLimit, _ = d.Int(f, "time_limit", 1, 600)
	items, ok := d.Seq(f, "questions")
	if !ok {
		p.require(f, root, "questions", "questions: followed by a list of questions")
		return q
	}
	if len(items) == 0 {
		d.Errorf(f["questions"].Value, "the quiz has no questions; add at least one under questions:")
	}
	ids := map[string]*yaml.Node{}
	for i, n := range items {
		x := p.question(n, i+1)
		if x == nil {
			continue
		}
		if prev, dup := ids[x.ID]; dup {
			d.Errorf(n, "duplicate question id %q (also on line %d); question ids must be unique within a quiz", x.ID, prev.Line)
			continue
		}
		ids[x.ID] = n
		q.Questions = append(q.Questions, x)
	}
	quiz.Arrange(q)
	lint.Quiz(q, langs, diags)
	return q
}

type parser struct {
	d     *strictyaml.Decoder
	langs []string
}

// require reports a missing required key.
func (p *parser) require(f map[string]strictyaml.Field, at *yaml.Node, key, example string) {
	if _, present := f[key]; !present {
		p.d.Errorf(at, "missing %s; add e.g. \"%s\"", key, example)
	}
}

func (p *parser) question(n *yaml.Node, number int) *quiz.Question {
	d := p.d
	what := fmt.Sprintf("question %d", number)
	f := d.Mapping(n, what, questionKeys...)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	x := &quiz.Question{Points: 1, Pos: d.Pos(n)}
	var ok bool
	if x.ID, ok = d.ID(f, "id"); !ok {
		p.require(f, n, "id", "id: two-meanings")
		x.ID = fmt.Sprintf("question-%d", number)
	}
	what = fmt.Sprintf("question %q", x.ID)
	typ, ok := d.String(f, "type")
	if !ok {
		p.require(f, n, "type", "type: single")
		return nil
	}
	x.Type = quiz.Type(typ)
	allowed, known := keysByType[x.Type]
	if !known {
		d.Errorf(f["type"].Value, "question type %q is not known; use one of %s", typ, typeList())
		return nil
	}
	for key, fl := range f {
		if !contains(commonKeys, key) && !contains(allowed, key) {
			d.Errorf(fl.Key, "%s questions have no %q; that key belongs to %s", x.Type, key, typesUsing(key))
		}
	}
	if pts, ok := d.Number(f, "points", 0.5, 100); ok {
		if pts*2 != math.Trunc(pts*2) {
			d.Errorf(f["points"].Value, "points must be whole or half points, e.g. 1 or 1.5")
		}
		x.Points = pts
	}
	if x.Type == quiz.Reflection {
		x.Points = 0
		if _, given := f["points"]; given {
			d.Errorf(f["points"].Key, "reflection questions are not scored; remove points")
		}
	}
	x.Scenario, _ = d.Bool(f, "scenario")
	if x.Prompt, ok = d.Localized(f, "prompt", p.langs); !ok {
		p.require(f, n, "prompt", "prompt: {en: ..., zh-CN: ...}")
	} else {
		p.notBlank(x.Prompt, "the prompt")
	}
	x.Explanation, _ = d.Localized(f, "explanation", p.langs)
	if x.Type != quiz.Reflection {
		p.require(f, n, "explanation", "explanation: {en: why the answer is right, zh-CN: ...}")
	}
	x.Source = lessonref.Parse(d, f, "source", p.langs)
	switch x.Type {
	case quiz.Single, quiz.Multiple:
		p.choice(x, f, n)
	case quiz.TrueFalse:
		p.trueFalse(x, f, n)
	case quiz.Ordering:
		p.ordering(x, f, n)
	case quiz.Matching:
		p.matching(x, f, n)
	case quiz.Reflection:
		if x.ModelAnswer, ok = d.Localized(f, "model_answer", p.langs); !ok {
			p.require(f, n, "model_answer", "model_answer: {en: what a good answer says, zh-CN: ...}")
		}
	}
	return x
}

func (p *parser) choice(x *quiz.Question, f map[string]strictyaml.Field, n *yaml.Node) {
	d := p.d
	items, ok := d.Seq(f, "options")
	if !ok {
		p.require(f, n, "options", "options: followed by a list of at least two options")
		return
	}
	if len(items) < 2 {
		d.Errorf(f["options"].Value, "a %s question needs at least two options, found %d", x.Type, len(items))
	}
	x.KeepOrder, _ = d.Bool(f, "keep_order")
	ids := map[string]bool{}
	for i, item := range items {
		o := p.option(item, i)
		if o == nil {
			continue
		}
		if ids[o.ID] {
			d.Errorf(item, "duplicate option id %q; give each option its own id", o.ID)
			continue
		}
		ids[o.ID] = true
		x.Options = append(x.Options, o)
	}
	fl, given := f["answer"]
	if !given {
		d.Errorf(n, "question %q has no answer; add \"answer: a\" naming the right option", x.ID)
		return
	}
	v := strictyaml.Resolve(fl.Value)
	var answers []*yaml.Node
	switch {
	case v.Kind == yaml.SequenceNode:
		answers = v.Content
	case v.Kind == yaml.ScalarNode && !strictyaml.IsNull(v):
		answers = []*yaml.Node{v}
	}
	if len(answers) == 0 {
		d.Errorf(fl.Value, "answer is empty; name the right option, e.g. \"answer: a\"")
		return
	}
	if x.Type == quiz.Single && len(answers) > 1 {
		d.Errorf(fl.Value, "a single-choice question has exactly one right answer, found %d; make it type: multiple, or keep one answer", len(answers))
		return
	}
	seen := map[string]bool{}
	for _, a := range answers {
		a = strictyaml.Resolve(a)
		if a.Kind != yaml.ScalarNode {
			d.Errorf(a, "each answer must be an option id such as a or b")
			continue
		}
		if !ids[a.Value] {
			d.Errorf(a, "answer %q names no option; the options are %s", a.Value, strings.Join(optionIDs(x), ", "))
			continue
		}
		if seen[a.Value] {
			d.Errorf(a, "answer %q is listed twice", a.Value)
			continue
		}
		seen[a.Value] = true
		x.Answer = append(x.Answer, a.Value)
	}
	if x.Type == quiz.Multiple && len(x.Answer) == len(x.Options) && len(x.Options) > 0 {
		d.Errorf(fl.Value, "every option is right, so the question tests nothing; add a wrong option")
	}
}

// option reads one option: either a text (plain or per language) or a mapping with id,
// text and feedback.
func (p *parser) option(n *yaml.Node, index int) *quiz.Option {
	d := p.d
	o := &quiz.Option{ID: quiz.LetterID(index), Pos: p.d.Pos(n)}
	if n.Kind == yaml.MappingNode && hasKey(n, "text") {
		f := d.Mapping(n, "option", "id", "text", "feedback")
		if id, ok := d.ID(f, "id"); ok {
			o.ID = id
		}
		o.Text, _ = d.Localized(f, "text", p.langs)
		o.Feedback, _ = d.Localized(f, "feedback", p.langs)
		p.notBlankAt(o.Text, n, "option "+o.ID)
		return o
	}
	if n.Kind == yaml.MappingNode && (hasKey(n, "id") || hasKey(n, "feedback")) {
		d.Errorf(n, "option %s has no text; add \"text: ...\"", o.ID)
		return nil
	}
	var ok bool
	if o.Text, ok = d.LocalizedNode(n, "option "+o.ID, p.langs); !ok {
		return nil
	}
	p.notBlankAt(o.Text, n, "option "+o.ID)
	return o
}

func (p *parser) trueFalse(x *quiz.Question, f map[string]strictyaml.Field, n *yaml.Node) {
	d := p.d
	x.Options = []*quiz.Option{{ID: "true"}, {ID: "false"}}
	if b, ok := d.Bool(f, "answer"); ok {
		x.Answer = []string{fmt.Sprint(b)}
	} else if _, given := f["answer"]; !given {
		d.Errorf(n, "question %q has no answer; add \"answer: true\" or \"answer: false\"", x.ID)
	}
	if fl, ok := f["feedback"]; ok {
		ff := d.Mapping(fl.Value, "feedback", "true", "false")
		x.Options[0].Feedback, _ = d.Localized(ff, "true", p.langs)
		x.Options[1].Feedback, _ = d.Localized(ff, "false", p.langs)
	}
}

func (p *parser) ordering(x *quiz.Question, f map[string]strictyaml.Field, n *yaml.Node) {
	d := p.d
	items, ok := d.Seq(f, "items")
	if !ok {
		p.require(f, n, "items", "items: followed by the steps in the right order")
		return
	}
	if len(items) < 2 {
		d.Errorf(f["items"].Value, "an ordering question needs at least two items, found %d", len(items))
	}
	ids := map[string]bool{}
	for i, item := range items {
		it := &quiz.Item{ID: quiz.LetterID(i)}
		if item.Kind == yaml.MappingNode && hasKey(item, "text") {
			fi := d.Mapping(item, "item", "id", "text")
			if id, ok := d.ID(fi, "id"); ok {
				it.ID = id
			}
			it.Text, _ = d.Localized(fi, "text", p.langs)
		} else if it.Text, ok = d.LocalizedNode(item, fmt.Sprintf("item %d", i+1), p.langs); !ok {
			continue
		}
		p.notBlankAt(it.Text, item, "item "+it.ID)
		if ids[it.ID] {
			d.Errorf(item, "duplicate item id %q", it.ID)
			continue
		}
		ids[it.ID] = true
		x.Items = append(x.Items, it)
	}
	p.distinct(itemTexts(x.Items), items, "items")
}

func (p *parser) matching(x *quiz.Question, f map[string]strictyaml.Field, n *yaml.Node) {
	d := p.d
	pairs, ok := d.Seq(f, "pairs")
	if !ok {
		p.require(f, n, "pairs", "pairs: followed by items with left: and right:")
		return
	}
	if len(pairs) < 2 {
		d.Errorf(f["pairs"].Value, "a matching question needs at least two pairs, found %d", len(pairs))
	}
	ids := map[string]bool{}
	var rights []strictyaml.Text
	var rightNodes []*yaml.Node
	for i, item := range pairs {
		fp := d.Mapping(item, "pair", "id", "left", "right")
		if item.Kind != yaml.MappingNode {
			continue
		}
		pr := &quiz.Pair{ID: quiz.LetterID(i), Pos: d.Pos(item)}
		if id, ok := d.ID(fp, "id"); ok {
			pr.ID = id
		}
		left, lok := d.Localized(fp, "left", p.langs)
		right, rok := d.Localized(fp, "right", p.langs)
		_, hasLeft := fp["left"]
		_, hasRight := fp["right"]
		switch {
		case !hasLeft && !hasRight:
			d.Errorf(item, "pair %s has neither left nor right", pr.ID)
			continue
		case !hasRight:
			d.Errorf(item, "pair %s is left over: it has a left side but no right: to match it with", pr.ID)
			continue
		case !hasLeft:
			d.Errorf(item, "pair %s is left over: it has a right side but no left: term; to offer a choice that matches nothing, list it under distractors", pr.ID)
			continue
		case !lok || !rok:
			continue
		}
		pr.Left, pr.Right = left, right
		p.notBlankAt(left, item, "the left side of pair "+pr.ID)
		p.notBlankAt(right, item, "the right side of pair "+pr.ID)
		if ids[pr.ID] {
			d.Errorf(item, "duplicate pair id %q", pr.ID)
			continue
		}
		ids[pr.ID] = true
		x.Pairs = append(x.Pairs, pr)
		rights, rightNodes = append(rights, right), append(rightNodes, item)
	}
	var lefts []strictyaml.Text
	for _, pr := range x.Pairs {
		lefts = append(lefts, pr.Left)
	}
	p.distinct(lefts, rightNodes, "left sides")
	if items, ok := d.Seq(f, "distractors"); ok {
		for i, item := range items {
			t, ok := d.LocalizedNode(item, fmt.Sprintf("distractor %d", i+1), p.langs)
			if !ok {
				continue
			}
			p.notBlankAt(t, item, fmt.Sprintf("distractor %d", i+1))
			x.Distractors = append(x.Distractors, t)
			rights, rightNodes = append(rights, t), append(rightNodes, item)
		}
	}
	p.distinct(rights, rightNodes, "right sides and distractors")
}

// distinct reports texts that appear twice in one language: two identical choices make a
// question ambiguous.
func (p *parser) distinct(texts []strictyaml.Text, nodes []*yaml.Node, what string) {
	reported := map[*yaml.Node]bool{}
	for _, l := range p.langs {
		seen := map[string]bool{}
		for i, t := range texts {
			s := strings.TrimSpace(t.Get(l))
			if s == "" {
				continue
			}
			// A plain text is the same node in every language: report it once.
			if seen[s] && i < len(nodes) && !reported[t.Node(l)] {
				reported[t.Node(l)] = true
				p.d.Errorf(nodes[i], "%q appears twice among the %s (%s); make each one different", s, what, l)
			}
			seen[s] = true
		}
	}
}

func (p *parser) notBlank(t strictyaml.Text, what string) { p.notBlankAt(t, nil, what) }

// notBlankAt reports an empty text once per YAML node: a plain text is one node for every
// language, a translated text one node per language.
func (p *parser) notBlankAt(t strictyaml.Text, at *yaml.Node, what string) {
	if t.IsZero() {
		return
	}
	reported := map[*yaml.Node]bool{}
	for _, l := range p.langs {
		if strings.TrimSpace(t.Get(l)) != "" {
			continue
		}
		n := t.Node(l)
		if n == nil {
			n = at
		}
		if reported[n] {
			continue
		}
		reported[n] = true
		p.d.Errorf(n, "%s is empty (%s); write the text or remove it", what, l)
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func optionIDs(x *quiz.Question) []string {
	ids := make([]string, len(x.Options))
	for i, o := range x.Options {
		ids[i] = o.ID
	}
	return ids
}

func itemTexts(items []*quiz.Item) []strictyaml.Text {
	out := make([]strictyaml.Text, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func typeList() string {
	names := make([]string, len(quiz.Types()))
	for i, t := range quiz.Types() {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// typesUsing names the question types that use key.
func typesUsing(key string) string {
	var names []string
	for _, t := range quiz.Types() {
		if contains(keysByType[t], key) {
			names = append(names, string(t))
		}
	}
	if len(names) == 0 {
		return "no question type"
	}
	return strings.Join(names, " and ") + " questions"
}

// ParseMaterial is Parse as the material.Parser of the quiz kind.
func ParseMaterial(path string, src []byte, langs []string, diags *diag.List) material.Material {
	if x := Parse(path, src, langs, diags); x != nil {
		return x
	}
	return nil
}

// Review is the material.Reviewer of the quiz kind: the item-writing review across quizzes
// (near-duplicate prompts, see package lint).
func Review(all []material.Material, langs []string, diags *diag.List) {
	lint.Across(material.Of[*quiz.Quiz](all), langs, diags)
}
