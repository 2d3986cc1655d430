package report

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"playbook/site/diag"
	"playbook/site/report/progress"
)

// merger merges the inputs one by one.
type merger struct {
	report   *Report
	quizzes  map[string]*QuizStats
	siteKey  string
	learners map[string]*Learner
	// hashes and exports remember the files merged, by content and by export, to find
	// duplicates.
	hashes  map[[32]byte]string
	exports map[string]string
}

func (m *merger) add(in Input) {
	res := &FileResult{Path: in.Path}
	m.report.Files = append(m.report.Files, res)
	skip := func(kind Kind, line, col int, format string, args ...any) {
		res.Skipped = &Problem{Pos: diag.Pos{Path: in.Path, Line: line, Col: col}, Kind: kind, Message: fmt.Sprintf(format, args...)}
		m.report.Skipped++
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
		quizzes, _ := json.Marshal(p.Quizzes) // maps encode with sorted keys
		exportKey = LearnerKey(p.Learner) + "\x00" + p.Exported.Format(time.RFC3339Nano) + "\x00" + string(quizzes)
		if first, ok := m.exports[exportKey]; ok {
			skip(Duplicate, 0, 0, "duplicate of %s (the same learner, export time and quizzes)", first)
			return
		}
	}
	skipped := m.check(p, res)
	m.hashes[hash] = in.Path
	if exportKey != "" {
		m.exports[exportKey] = in.Path
	}
	m.report.Merged++
	if m.report.Latest.Before(p.Exported) {
		m.report.Latest = p.Exported
	}
	key, name, fromFile := LearnerKey(p.Learner), strings.TrimSpace(p.Learner), false
	if key == "" {
		name = strings.TrimSuffix(filepath.Base(in.Path), filepath.Ext(in.Path))
		key, fromFile = "\x00"+in.Path, true
	}
	l, ok := m.learners[key]
	if !ok {
		l = &Learner{Name: name, FromFileName: fromFile, key: key, progress: p, skipped: map[string]bool{}}
		if fromFile {
			l.key = LearnerKey(name)
		}
		m.learners[key] = l
	} else {
		l.progress = Merge(l.progress, p)
	}
	l.Files = append(l.Files, in.Path)
	for _, id := range skipped {
		l.skipped[id] = true
	}
	res.Learner = l.Name
}

// check removes from p the entries of quizzes no longer in the course and the entries
// that fail checkEntry, and notes questions no longer in their quiz, all in res. It returns
// the ids of the entries that failed.
func (m *merger) check(p *progress.Progress, res *FileResult) (skipped []string) {
	for _, id := range entryOrder(p) {
		e := p.Quizzes[id]
		pos := diag.Pos{Path: res.Path, Line: e.Line, Col: e.Col}
		qs, ok := m.quizzes[id]
		if !ok {
			res.Notes = append(res.Notes, Problem{Pos: pos, Kind: Removed, Quiz: id, Message: fmt.Sprintf("quiz %q is not in the course (any more); ignored", id)})
			delete(p.Quizzes, id)
			continue
		}
		if msg := checkEntry(qs.Quiz, e); msg != "" {
			res.Notes = append(res.Notes, Problem{Pos: pos, Kind: Inconsistent, Quiz: id, Message: msg})
			delete(p.Quizzes, id)
			skipped = append(skipped, id)
			continue
		}
		if gone := unknownQuestions(qs.Quiz, e); len(gone) > 0 {
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
