package material

import (
	"fmt"
	"slices"

	"playbook/site/diag"
)

// Kind describes one kind of material: where its files are, how they are parsed, and what
// its pages need from the theme.
type Kind struct {
	// Name is the kind's name: its page template, its search type and its interface
	// strings (the singular noun, "quiz").
	Name string
	// Dir is the course folder of its YAML files, the output folder of its pages, and the
	// interface string of its plural noun ("quizzes").
	Dir string
	// Scripts and Styles are the theme files its page loads beyond the base stylesheet,
	// relative to the site root; Strings are the groups of script strings they use (see
	// theme.ScriptStrings).
	Scripts, Styles, Strings []string
	// Practice says that frameworks.yaml may list the kind's files as the practice of a
	// framework: the trainer's coverage table has a column for it.
	Practice bool
	// Template is the text of the kind's templates, for a kind whose templates are not in
	// the theme (templates/<Name>.html). It defines "main" (the page), "<Name>-pack" (the
	// material inside a day's handout pack) and whatever they use.
	Template string
}

// Parser reads one file of a kind of material. It reports every problem to diags and
// returns nil when the file cannot be used.
type Parser func(path string, src []byte, langs []string, diags *diag.List) Material

// Reviewer looks at every material of a kind together, once each file was parsed, and
// reports to diags what no single file shows (questions repeated across quizzes).
type Reviewer func(all []Material, langs []string, diags *diag.List)

// Registration is a kind of material with the parser of its files and, optionally, the
// reviewer of all of them.
type Registration struct {
	Kind   *Kind
	Parse  Parser
	Review Reviewer
}

// Registry is the list of kinds a course is built with, in the order their materials are
// listed on a day.
type Registry struct {
	kinds     []*Kind
	parsers   map[*Kind]Parser
	reviewers map[*Kind]Reviewer
}

// NewRegistry checks that the kinds have distinct names and folders, and a parser each.
func NewRegistry(regs ...Registration) (*Registry, error) {
	r := &Registry{parsers: map[*Kind]Parser{}, reviewers: map[*Kind]Reviewer{}}
	names, dirs := map[string]bool{}, map[string]bool{}
	for _, reg := range regs {
		k := reg.Kind
		switch {
		case k == nil || k.Name == "" || k.Dir == "" || reg.Parse == nil:
			return nil, fmt.Errorf("a material kind needs a name, a folder and a parser")
		case names[k.Name]:
			return nil, fmt.Errorf("two material kinds are named %q", k.Name)
		case dirs[k.Dir]:
			return nil, fmt.Errorf("two material kinds keep their files in %s/", k.Dir)
		}
		names[k.Name], dirs[k.Dir] = true, true
		r.kinds = append(r.kinds, k)
		r.parsers[k] = reg.Parse
		if reg.Review != nil {
			r.reviewers[k] = reg.Review
		}
	}
	return r, nil
}

// Parser returns the parser of the files of kind k, nil for a kind not registered.
func (r *Registry) Parser(k *Kind) Parser { return r.parsers[k] }

// Reviewer returns the reviewer of the materials of kind k, nil when it has none.
func (r *Registry) Reviewer(k *Kind) Reviewer { return r.reviewers[k] }

// Kinds returns the registered kinds, in order.
func (r *Registry) Kinds() []*Kind { return slices.Clone(r.kinds) }

// Dirs returns the folders of every kind, in order.
func (r *Registry) Dirs() []string {
	out := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		out[i] = k.Dir
	}
	return out
}

// Registrations returns the kinds with their parsers, in order: a registry to extend.
func (r *Registry) Registrations() []Registration {
	out := make([]Registration, len(r.kinds))
	for i, k := range r.kinds {
		out[i] = Registration{Kind: k, Parse: r.parsers[k], Review: r.reviewers[k]}
	}
	return out
}
