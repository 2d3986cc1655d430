package quiz

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"math/rand/v2"
	"strconv"
	"strings"

	"playbook/site/material"
	"playbook/site/quiz/order"
	"playbook/site/strictyaml"
)

// Renderer turns quiz texts into HTML for one language and resolves lesson sources.
type Renderer = material.Renderer

// View is what the quiz template shows.
type View struct {
	ID          string
	Mode        Mode
	Title       string
	Description template.HTML
	Day         int
	PassMark    int
	TimeLimit   int
	MaxPoints   string
	// ShuffleQuestions and ShuffleOptions ask the page to reshuffle on every attempt.
	ShuffleQuestions bool
	ShuffleOptions   bool
	// WithKey is true when the page carries the answers: self-check quizzes (for instant
	// feedback) and every quiz in the trainer edition. Exam pages for learners carry none.
	WithKey bool
	// Trainer is true in the trainer edition, which adds a printable answer key.
	Trainer bool
	// Version changes when questions are added, removed or retyped, so stored progress
	// can tell which questions it knew.
	Version   string
	Questions []QuestionView
	// Papers are the keys of the printed versions of an exam, in the trainer's pack.
	Papers []PaperKey
	// search is what a search finds on the page (see Search).
	search []material.Section
}

// QuestionView is one question as shown.
type QuestionView struct {
	Number int
	ID     string
	Type   Type
	Points string
	Prompt template.HTML
	// Options for single, multiple and true-false (true-false labels come from the theme).
	Options []OptionView
	// Items of an ordering question, in a fixed shuffled order (never the right one).
	Items []ChoiceView
	// Lefts and Rights of a matching question; Rights are shuffled and carry opaque ids.
	Lefts  []ChoiceView
	Rights []ChoiceView
	// Answer is the key for the page script; empty when the page has no key.
	// single/multiple/true-false: the right option ids; ordering: the item ids in order.
	Answer []string
	// Matches is the key of a matching question: left id -> id of its right choice.
	Matches     map[string]string
	Explanation template.HTML
	ModelAnswer template.HTML
	SourceURL   string
	SourceTitle string
	// Key is the right answer in words, for the printed answer key.
	Key []template.HTML
	// TrueFalseKey is "true" or "false" for a true-false question with the key; the theme
	// words it.
	TrueFalseKey string
}

// OptionView is an option as shown.
type OptionView struct {
	ID       string
	Text     template.HTML
	Feedback template.HTML
	Right    bool
}

// ChoiceView is an ordering item, a matching term or a matching choice.
type ChoiceView struct {
	ID   string
	Text template.HTML
}

// NewView prepares q for display. withKey puts the answers into the page; trainer adds the
// printed key.
func NewView(q *Quiz, lang string, r Renderer, withKey, trainer bool) *View {
	v := &View{
		ID: q.ID, Mode: q.Mode, Title: q.Title.Get(lang), Day: q.Day, PassMark: q.PassMark,
		TimeLimit: q.TimeLimit, MaxPoints: FormatPoints(q.MaxPoints()),
		ShuffleQuestions: q.ShuffleQuestions, ShuffleOptions: q.ShuffleOptions,
		WithKey: withKey, Trainer: trainer, Version: q.Version(),
	}
	if !q.Description.IsZero() {
		v.Description = r.Markdown(q.Description, false)
	}
	for i, x := range q.Questions {
		v.Questions = append(v.Questions, newQuestionView(q, x, i+1, r, withKey))
	}
	v.search = searchSections(q, v, r)
	return v
}

func newQuestionView(q *Quiz, x *Question, number int, r Renderer, withKey bool) QuestionView {
	qv := QuestionView{Number: number, ID: x.ID, Type: x.Type, Points: FormatPoints(x.Points), Prompt: r.Markdown(x.Prompt, true)}
	if withKey {
		if !x.Explanation.IsZero() {
			qv.Explanation = r.Markdown(x.Explanation, false)
		}
		if !x.ModelAnswer.IsZero() {
			qv.ModelAnswer = r.Markdown(x.ModelAnswer, false)
		}
		if x.Source != nil {
			qv.SourceURL, qv.SourceTitle = r.SourceLink(x.Source)
		}
	}
	rng := questionRand(q, x)
	switch x.Type {
	case Single, Multiple, TrueFalse:
		for _, o := range x.Options {
			ov := OptionView{ID: o.ID}
			if !o.Text.IsZero() {
				ov.Text = r.Markdown(o.Text, true)
			}
			if withKey {
				ov.Right = x.IsAnswer(o.ID)
				if !o.Feedback.IsZero() {
					ov.Feedback = r.Markdown(o.Feedback, true)
				}
				if ov.Right && ov.Text != "" {
					qv.Key = append(qv.Key, ov.Text)
				}
			}
			qv.Options = append(qv.Options, ov)
		}
		if withKey {
			qv.Answer = append([]string(nil), x.Answer...)
			if x.Type == TrueFalse && len(x.Answer) == 1 {
				qv.TrueFalseKey = x.Answer[0]
			}
		}
	case Ordering:
		ids := make([]string, len(x.Items))
		var steps []string
		for i, it := range x.Items {
			ids[i] = it.ID
			steps = append(steps, strconv.Itoa(i+1)+". "+string(r.Markdown(it.Text, true)))
		}
		if withKey {
			qv.Key = []template.HTML{template.HTML(strings.Join(steps, " → "))}
		}
		for _, i := range order.Derangement(rng, len(x.Items)) {
			qv.Items = append(qv.Items, ChoiceView{ID: x.Items[i].ID, Text: r.Markdown(x.Items[i].Text, true)})
		}
		if withKey {
			qv.Answer = ids
		}
	case Matching:
		matchingView(&qv, x, rng, r, withKey)
	}
	return qv
}

// matchChoice is a right-hand choice of a matching question as its page shows it.
type matchChoice struct {
	// ID is the page's opaque id, r1..rn in the order shown.
	ID string
	// Pair is the id of the pair it matches, or DistractorID(i) for the i-th distractor.
	Pair string
	Text strictyaml.Text
}

// matchChoices returns the right-hand choices of matching question x in the order its page
// shows them, drawn by rng.
func matchChoices(x *Question, rng *rand.Rand) []matchChoice {
	var choices []matchChoice
	for _, p := range x.Pairs {
		choices = append(choices, matchChoice{Pair: p.ID, Text: p.Right})
	}
	for i, d := range x.Distractors {
		choices = append(choices, matchChoice{Pair: DistractorID(i), Text: d})
	}
	var out []matchChoice
	for k, i := range order.Derangement(rng, len(choices)) {
		c := choices[i]
		c.ID = "r" + strconv.Itoa(k+1)
		out = append(out, c)
	}
	return out
}

// FromPage turns responses as a page records them (docs/progress.md) into the responses
// Score reads: the opaque right-hand ids r1..rn of matching questions become the pair ids
// they stand for (and DistractorID(i) for a distractor); an id the page never showed is
// dropped. Other responses are kept as they are.
func FromPage(q *Quiz, responses map[string]Response) map[string]Response {
	out := make(map[string]Response, len(responses))
	for _, x := range q.Questions {
		r, ok := responses[x.ID]
		if !ok {
			continue
		}
		if x.Type == Matching {
			pairOf := map[string]string{}
			for _, c := range matchChoices(x, questionRand(q, x)) {
				pairOf[c.ID] = c.Pair
			}
			m := map[string]string{}
			for left, right := range r.Matches {
				if p, ok := pairOf[right]; ok {
					m[left] = p
				}
			}
			r = Response{Matches: m}
		}
		out[x.ID] = r
	}
	return out
}

// questionRand is the random source of the fixed orders shown for question x: ordering
// items and matching choices.
func questionRand(q *Quiz, x *Question) *rand.Rand {
	return order.Rand(q.ID, x.ID)
}

// matchingView fills qv with the terms of matching question x and its choices, shuffled by
// rng, and with the key when withKey.
func matchingView(qv *QuestionView, x *Question, rng *rand.Rand, r Renderer, withKey bool) {
	rightOf := map[string]string{}
	for _, p := range x.Pairs {
		qv.Lefts = append(qv.Lefts, ChoiceView{ID: p.ID, Text: r.Markdown(p.Left, true)})
	}
	for _, c := range matchChoices(x, rng) {
		qv.Rights = append(qv.Rights, ChoiceView{ID: c.ID, Text: r.Markdown(c.Text, true)})
		rightOf[c.Pair] = c.ID
	}
	if withKey {
		qv.Matches = map[string]string{}
		for _, p := range x.Pairs {
			qv.Matches[p.ID] = rightOf[p.ID]
			qv.Key = append(qv.Key, r.Markdown(p.Left, true)+" → "+r.Markdown(p.Right, true))
		}
	}
}

// Data is what the page script needs, as the JSON of the quiz page's
// <script type="application/json" id="pb-data"> element (see docs/scripts.md). It carries
// the answers only when the page carries the key (WithKey): never on a learner's exam page.
// The encoder escapes <, > and &, so the text cannot close the element.
func (v *View) Data() template.JS {
	type question struct {
		ID     string      `json:"id"`
		Type   Type        `json:"type"`
		Points json.Number `json:"points"`
		// Answer is a list of ids, or for matching an object left id -> right choice id.
		Answer any `json:"answer,omitempty"`
	}
	d := struct {
		Quiz             string     `json:"quiz"`
		Mode             Mode       `json:"mode"`
		Version          string     `json:"version"`
		PassMark         int        `json:"passMark"`
		TimeLimit        int        `json:"timeLimit"`
		ShuffleQuestions bool       `json:"shuffleQuestions"`
		ShuffleOptions   bool       `json:"shuffleOptions"`
		WithKey          bool       `json:"withKey"`
		Questions        []question `json:"questions"`
	}{
		Quiz: v.ID, Mode: v.Mode, Version: v.Version, PassMark: v.PassMark, TimeLimit: v.TimeLimit,
		ShuffleQuestions: v.ShuffleQuestions, ShuffleOptions: v.ShuffleOptions, WithKey: v.WithKey,
		Questions: []question{},
	}
	for _, q := range v.Questions {
		x := question{ID: q.ID, Type: q.Type, Points: json.Number(q.Points)}
		if v.WithKey {
			if q.Type == Matching {
				if q.Matches != nil {
					x.Answer = q.Matches
				}
			} else if q.Answer != nil {
				x.Answer = q.Answer
			}
		}
		d.Questions = append(d.Questions, x)
	}
	data, err := json.Marshal(d)
	if err != nil {
		return "null"
	}
	return template.JS(data)
}

// Keys is the answer keys of quizzes as the trainer edition's progress page grades
// imported exam attempts with them: a JSON object quiz id -> {version, passMark, questions:
// [{id, type, points, answer}]}, the answers in the page's ids (as in Data). Only for the
// trainer edition: a learner's page must never carry it.
func Keys(quizzes []*Quiz) template.JS {
	type question struct {
		ID     string      `json:"id"`
		Type   Type        `json:"type"`
		Points json.Number `json:"points"`
		Answer any         `json:"answer"`
	}
	type key struct {
		Version   string     `json:"version"`
		PassMark  int        `json:"passMark"`
		Questions []question `json:"questions"`
	}
	keys := map[string]key{}
	for _, q := range quizzes {
		k := key{Version: q.Version(), PassMark: q.PassMark, Questions: []question{}}
		for _, x := range q.Questions {
			k.Questions = append(k.Questions, question{ID: x.ID, Type: x.Type, Points: json.Number(FormatPoints(x.Points)), Answer: pageAnswer(q, x)})
		}
		keys[q.ID] = k
	}
	data, err := json.Marshal(keys)
	if err != nil {
		return "null"
	}
	return template.JS(data)
}

// pageAnswer is the key of question x in the page's ids: the right option ids, the item ids
// in order, or for matching the map left id -> opaque right id; nil for a reflection.
func pageAnswer(q *Quiz, x *Question) any {
	switch x.Type {
	case Single, Multiple, TrueFalse:
		return x.Answer
	case Ordering:
		ids := []string{}
		for _, it := range x.Items {
			ids = append(ids, it.ID)
		}
		return ids
	case Matching:
		m := map[string]string{}
		for _, c := range matchChoices(x, questionRand(q, x)) {
			if !strings.HasPrefix(c.Pair, "distractor-") {
				m[c.Pair] = c.ID
			}
		}
		return m
	}
	return nil
}

// Version is a short hash of the quiz's question ids and types, and of the number and
// arrangement of the options of choice questions (which option ids mean, see Arrange).
func (q *Quiz) Version() string {
	h := fnv.New32a()
	for _, x := range q.Questions {
		fmt.Fprintf(h, "%s:%s;", x.ID, x.Type)
		if x.Type == Single || x.Type == Multiple {
			fmt.Fprintf(h, "options:%d:%t;", len(x.Options), x.KeepOrder)
		}
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// FormatPoints writes points the shortest way: 1, 0.5, 2.25.
func FormatPoints(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64)
}
