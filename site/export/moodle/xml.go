package moodle

import (
	"encoding/xml"
	"fmt"
	"io"

	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/strictyaml"
)

// WriteMoodleXML writes quizzes in Moodle XML, with texts in lang rendered by r as HTML. Each
// quiz becomes a category; ordering questions become Moodle ordering questions (a core type
// since Moodle 4.4); matching distractors become extra wrong answers.
func WriteMoodleXML(w io.Writer, quizzes []*quiz.Quiz, lang string, r quiz.Renderer) error {
	doc := mxQuiz{}
	for _, q := range quizzes {
		doc.Questions = append(doc.Questions, mxQuestion{Type: "category", Category: &mxText{Text: categoryPath(q.Title.Get(lang))}})
		for _, x := range q.Questions {
			doc.Questions = append(doc.Questions, moodleQuestion(q, x, r))
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

type mxQuiz struct {
	XMLName   xml.Name     `xml:"quiz"`
	Questions []mxQuestion `xml:"question"`
}

type mxText struct {
	Text string `xml:"text"`
}

type mxRich struct {
	Format string `xml:"format,attr"`
	Text   string `xml:"text"`
}

type mxAnswer struct {
	Fraction string  `xml:"fraction,attr"`
	Format   string  `xml:"format,attr,omitempty"`
	Text     string  `xml:"text"`
	Feedback *mxRich `xml:"feedback,omitempty"`
}

type mxSub struct {
	Format string `xml:"format,attr"`
	Text   string `xml:"text"`
	Answer mxText `xml:"answer"`
}

type mxQuestion struct {
	Type            string  `xml:"type,attr"`
	Category        *mxText `xml:"category,omitempty"`
	Name            *mxText `xml:"name,omitempty"`
	QuestionText    *mxRich `xml:"questiontext,omitempty"`
	GeneralFeedback *mxRich `xml:"generalfeedback,omitempty"`
	DefaultGrade    string  `xml:"defaultgrade,omitempty"`
	Penalty         string  `xml:"penalty,omitempty"`
	IDNumber        string  `xml:"idnumber,omitempty"`
	Single          string  `xml:"single,omitempty"`
	Shuffle         string  `xml:"shuffleanswers,omitempty"`
	Numbering       string  `xml:"answernumbering,omitempty"`
	*mxOrdering
	Answers        []mxAnswer `xml:"answer"`
	Subquestions   []mxSub    `xml:"subquestion"`
	ResponseFormat string     `xml:"responseformat,omitempty"`
	GraderInfo     *mxRich    `xml:"graderinfo,omitempty"`
}

// mxOrdering holds the options of Moodle's ordering question type (qtype_ordering, in core
// since Moodle 4.4), as its import_from_xml reads them.
type mxOrdering struct {
	LayoutType     string `xml:"layouttype"`
	SelectType     string `xml:"selecttype"`
	SelectCount    int    `xml:"selectcount"`
	GradingType    string `xml:"gradingtype"`
	ShowGrading    string `xml:"showgrading"`
	NumberingStyle string `xml:"numberingstyle"`
	ShowNumCorrect int    `xml:"shownumcorrect"`
}

func moodleQuestion(q *quiz.Quiz, x *quiz.Question, r quiz.Renderer) mxQuestion {
	rich := func(t strictyaml.Text, inline bool) *mxRich {
		if t.IsZero() {
			return nil
		}
		return &mxRich{Format: "html", Text: string(r.Markdown(t, inline))}
	}
	plain := func(t strictyaml.Text) string { return material.PlainText(r.Markdown(t, true)) }
	m := mxQuestion{
		Name:            &mxText{Text: q.ID + "/" + x.ID},
		QuestionText:    rich(x.Prompt, false),
		GeneralFeedback: rich(x.Explanation, false),
		DefaultGrade:    quiz.FormatPoints(x.Points),
		Penalty:         "0",
		IDNumber:        q.ID + "/" + x.ID,
	}
	if m.GeneralFeedback == nil {
		m.GeneralFeedback = &mxRich{Format: "html"}
	}
	shuffle := fmt.Sprint(q.ShuffleOptions)
	switch x.Type {
	case quiz.Single, quiz.Multiple:
		m.Type, m.Single, m.Shuffle, m.Numbering = "multichoice", fmt.Sprint(x.Type == quiz.Single), shuffle, "abc"
		share := 100 / float64(len(x.Answer))
		for _, o := range x.Options {
			fraction := "0"
			switch {
			case x.IsAnswer(o.ID) && x.Type == quiz.Single:
				fraction = "100"
			case x.IsAnswer(o.ID):
				fraction = moodleWeight(share)
			case x.Type == quiz.Multiple:
				fraction = moodleWeight(-share)
			}
			m.Answers = append(m.Answers, mxAnswer{Fraction: fraction, Format: "html", Text: string(r.Markdown(o.Text, true)), Feedback: rich(o.Feedback, true)})
		}
	case quiz.TrueFalse:
		m.Type = "truefalse"
		for _, o := range x.Options {
			fraction := "0"
			if x.IsAnswer(o.ID) {
				fraction = "100"
			}
			m.Answers = append(m.Answers, mxAnswer{Fraction: fraction, Format: "moodle_auto_format", Text: o.ID, Feedback: rich(o.Feedback, true)})
		}
	case quiz.Ordering:
		// Every item shown, in a random order, one point share per item in its right
		// place (ABSOLUTE_POSITION): Playbook's own scoring. The fraction of an answer is
		// its place in the right order.
		m.Type = "ordering"
		m.mxOrdering = &mxOrdering{LayoutType: "VERTICAL", SelectType: "ALL", SelectCount: len(x.Items),
			GradingType: "ABSOLUTE_POSITION", ShowGrading: "SHOW", NumberingStyle: "none", ShowNumCorrect: 1}
		for i, it := range x.Items {
			m.Answers = append(m.Answers, mxAnswer{Fraction: fmt.Sprint(i + 1), Format: "html", Text: string(r.Markdown(it.Text, true))})
		}
	case quiz.Matching:
		m.Type, m.Shuffle = "matching", "true"
		for _, p := range x.Pairs {
			m.Subquestions = append(m.Subquestions, mxSub{Format: "html", Text: string(r.Markdown(p.Left, true)), Answer: mxText{Text: plain(p.Right)}})
		}
		for _, d := range x.Distractors {
			m.Subquestions = append(m.Subquestions, mxSub{Format: "html", Answer: mxText{Text: plain(d)}})
		}
	case quiz.Reflection:
		m.Type, m.ResponseFormat, m.DefaultGrade = "essay", "editor", "0"
		m.GraderInfo = rich(x.ModelAnswer, false)
	}
	return m
}
