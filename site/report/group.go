package report

// HasClasses reports whether any learner's files give a class code: the report then shows
// the class code column (learners are sorted by class code, then by name).
func (r *Report) HasClasses() bool {
	for _, l := range r.Learners {
		if l.Class != "" {
			return true
		}
	}
	return false
}

// Unnamed lists, in the order given, the files merged without a learner's name: each
// stands for a learner of its own, named after the file.
func (r *Report) Unnamed() []string {
	var out []string
	for _, f := range r.Files {
		if f.Skipped == nil && f.NoName {
			out = append(out, f.Path)
		}
	}
	return out
}
