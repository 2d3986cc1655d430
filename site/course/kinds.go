package course

import (
	"maps"
	"slices"

	"playbook/site/checklist"
	"playbook/site/checklist/checklistfile"
	"playbook/site/config"
	"playbook/site/coverage"
	"playbook/site/material"
	"playbook/site/quiz"
	"playbook/site/quiz/quizfile"
	"playbook/site/scenario"
	"playbook/site/scenario/scenariofile"
	"playbook/site/worksheet"
	"playbook/site/worksheet/worksheetfile"
)

// DefaultKinds returns the kinds of material every course is built with, in the order a
// day lists them, each with the parser of its files. A new kind of material is one package
// (or a model and its file's parser) and one line here.
func DefaultKinds() *material.Registry {
	r, err := material.NewRegistry(
		material.Registration{Kind: checklist.MaterialKind(), Parse: checklistfile.ParseMaterial},
		material.Registration{Kind: worksheet.MaterialKind(), Parse: worksheetfile.ParseMaterial},
		material.Registration{Kind: quiz.MaterialKind(), Parse: quizfile.ParseMaterial, Review: quizfile.Review},
		material.Registration{Kind: scenario.MaterialKind(), Parse: scenariofile.ParseMaterial},
	)
	if err != nil {
		panic(err) // the kinds above are fixed: a clash is a programming error caught by every test
	}
	return r
}

// Inputs are where a course is read from, relative to its root: what the live preview
// watches.
type Inputs struct {
	// Files are the files at the root: the configuration and the framework table.
	Files []string
	// Dirs are the folders read recursively: the lessons and each kind's material.
	Dirs []string
}

// InputsOf returns the inputs of a course with the given kinds (nil for DefaultKinds).
func InputsOf(kinds *material.Registry) Inputs {
	if kinds == nil {
		kinds = DefaultKinds()
	}
	return Inputs{Files: []string{config.FileName, coverage.FileName}, Dirs: append([]string{ContentDir}, kinds.Dirs()...)}
}

// Files returns every file the load read or will copy, sorted: each is under one of the
// course's Inputs.
func (c *Course) Files() []string {
	out := slices.Concat(slices.Collect(maps.Keys(c.Hashes)), c.Assets)
	slices.Sort(out)
	return slices.Compact(out)
}
