// Package collect gathers the progress files of a class for the report: it reads them
// (files and folders), leaves out the bad ones with the reason (unreadable, not a valid
// progress file, another course's, a duplicate), checks each quiz entry against the
// course's quiz, and merges the files of each learner (docs/progress.md, "Merging").
package collect

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"playbook/site/diag"
	"playbook/site/quiz"
	"playbook/site/report/progress"
)

// Class is what the files of a class give: what happened to each file, and each learner's
// merged progress.
type Class struct {
	// Files says what happened to every input, in the order given.
	Files []*FileResult
	// Learners are sorted by class code, then by name; learners without a class code come
	// last.
	Learners []*Learner
	// Merged and Skipped count the input files.
	Merged, Skipped int
	// Latest is the latest export time among the files merged; zero when none has one.
	Latest time.Time
}

// FileResult is what happened to one input file.
type FileResult struct {
	Path string
	// Learner is the name the file was merged under; "" when the file was skipped.
	Learner string
	// NoName is true when the file was merged but gave no learner's name: the file's name
	// stands for it.
	NoName bool
	// Skipped is why the file was left out, or nil when it was merged.
	Skipped *Problem
	// Notes are the quiz entries skipped and the notes about the file, in file order.
	Notes []Problem
}

// Problems returns every problem and note of the file, the reason it was skipped first.
func (f *FileResult) Problems() []Problem {
	var out []Problem
	if f.Skipped != nil {
		out = append(out, *f.Skipped)
	}
	return append(out, f.Notes...)
}

// Learner is one learner with the progress of their files merged.
type Learner struct {
	Name string
	// Class is the class code of the learner's files (the first one given), trimmed; ""
	// when none gives one.
	Class string
	// FromFileName is true when the files gave no name and the file name stands for it.
	FromFileName bool
	// Files are the paths of the files merged for the learner.
	Files []string
	// Progress is the learner's files merged, without the entries left out.
	Progress *progress.Progress
	// SkippedEntries are the ids of the quizzes of which a file's entry was left out as
	// inconsistent.
	SkippedEntries map[string]bool

	key, classKey string
}

// Files reads the inputs in order and merges them per learner: files of another course
// than siteKey are left out, and so are entries that contradict the quiz of the same id in
// quizzes (the course's quizzes by id) or name a quiz not in it.
func Files(siteKey string, quizzes map[string]*quiz.Quiz, inputs []Input) *Class {
	m := merger{class: &Class{}, quizzes: quizzes, siteKey: siteKey, learners: map[string]*Learner{}, hashes: map[[32]byte]string{}, exports: map[string]string{}}
	for _, in := range inputs {
		m.add(in)
	}
	c := m.class
	for _, l := range m.learners {
		l.Class = strings.TrimSpace(l.Progress.Class)
		l.classKey = LearnerKey(l.Class)
		c.Learners = append(c.Learners, l)
	}
	sort.SliceStable(c.Learners, func(i, j int) bool {
		a, b := c.Learners[i], c.Learners[j]
		if (a.classKey == "") != (b.classKey == "") {
			return b.classKey == ""
		}
		if a.classKey != b.classKey {
			return a.classKey < b.classKey
		}
		if a.key != b.key {
			return a.key < b.key
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Files[0] < b.Files[0]
	})
	return c
}

// merger merges the inputs one by one.
type merger struct {
	class    *Class
	quizzes  map[string]*quiz.Quiz
	siteKey  string
	learners map[string]*Learner
	// hashes and exports remember the files merged, by content and by export, to find
	// duplicates.
	hashes  map[[32]byte]string
	exports map[string]string
}

// add merges one input, or records why it is left out.
func (m *merger) add(in Input) {
	res := &FileResult{Path: in.Path}
	m.class.Files = append(m.class.Files, res)
	skip := func(kind Kind, line, col int, format string, args ...any) {
		res.Skipped = &Problem{Pos: diag.Pos{Path: in.Path, Line: line, Col: col}, Kind: kind, Message: fmt.Sprintf(format, args...)}
		m.class.Skipped++
	}
	switch {
	case in.SameAs != "":
		skip(Duplicate, 0, 0, "duplicate of %s (the same file)", in.SameAs)
		return
	case in.Err != nil:
		skip(Unreadable, 0, 0, "%v", in.Err)
		return
	}
	hash := sha256.Sum256(in.Data)
	if first, ok := m.hashes[hash]; ok {
		skip(Duplicate, 0, 0, "duplicate of %s (the same content)", first)
		return
	}
	p, err := progress.Parse(in.Data)
	if err != nil {
		pe := err.(*progress.ParseError)
		skip(Malformed, pe.Line, pe.Col, "%s", pe.Msg)
		return
	}
	if p.Site != m.siteKey {
		skip(Foreign, 0, 0, "not a progress file of this course (site is %q, this course is %q)", p.Site, m.siteKey)
		return
	}
	exportKey := ""
	if !p.Exported.IsZero() {
		// Maps encode with sorted keys.
		records, _ := json.Marshal([]any{p.Quizzes, p.Scenarios})
		exportKey = LearnerKey(p.Learner) + "\x00" + p.Exported.Format(time.RFC3339Nano) + "\x00" + string(records)
		if first, ok := m.exports[exportKey]; ok {
			skip(Duplicate, 0, 0, "duplicate of %s (the same learner, export time, quizzes and role-plays)", first)
			return
		}
	}
	skipped := m.check(p, res)
	m.hashes[hash] = in.Path
	if exportKey != "" {
		m.exports[exportKey] = in.Path
	}
	m.class.Merged++
	if m.class.Latest.Before(p.Exported) {
		m.class.Latest = p.Exported
	}
	key, name, fromFile := LearnerKey(p.Learner), strings.TrimSpace(p.Learner), false
	if key == "" {
		name = strings.TrimSuffix(filepath.Base(in.Path), filepath.Ext(in.Path))
		key, fromFile = "\x00"+in.Path, true
	}
	l, ok := m.learners[key]
	if !ok {
		l = &Learner{Name: name, FromFileName: fromFile, key: key, Progress: p, SkippedEntries: map[string]bool{}}
		if fromFile {
			l.key = LearnerKey(name)
		}
		m.learners[key] = l
	} else {
		l.Progress = Merge(l.Progress, p)
	}
	l.Files = append(l.Files, in.Path)
	for _, id := range skipped {
		l.SkippedEntries[id] = true
	}
	res.Learner, res.NoName = l.Name, fromFile
}

// check removes from p the entries of quizzes no longer in the course and the entries
// that fail checkEntry, and notes questions no longer in their quiz, all in res. It returns
// the ids of the entries that failed.
func (m *merger) check(p *progress.Progress, res *FileResult) (skipped []string) {
	for _, id := range entryOrder(p) {
		e := p.Quizzes[id]
		pos := diag.Pos{Path: res.Path, Line: e.Line, Col: e.Col}
		q, ok := m.quizzes[id]
		if !ok {
			res.Notes = append(res.Notes, Problem{Pos: pos, Kind: Removed, Quiz: id, Message: fmt.Sprintf("quiz %q is not in the course (any more); ignored", id)})
			delete(p.Quizzes, id)
			continue
		}
		if msg := checkEntry(q, e); msg != "" {
			res.Notes = append(res.Notes, Problem{Pos: pos, Kind: Inconsistent, Quiz: id, Message: msg})
			delete(p.Quizzes, id)
			skipped = append(skipped, id)
			continue
		}
		if gone := unknownQuestions(q, e); len(gone) > 0 {
			res.Notes = append(res.Notes, Problem{Pos: pos, Kind: Removed, Quiz: id,
				Message: fmt.Sprintf("quiz %q: results of %s ignored: no such scored question in the quiz (any more)", id, quoteList(gone))})
		}
	}
	return skipped
}

// entryOrder lists p's quiz ids in the order of the file.
func entryOrder(p *progress.Progress) []string {
	ids := sortedKeys(p.Quizzes)
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := p.Quizzes[ids[i]], p.Quizzes[ids[j]]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ids
}
