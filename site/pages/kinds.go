// Package pages declares the kinds of page of a course's site: home, days, lessons and their
// slides, standalone pages, material pages, progress, search results, the coverage table and
// the site's own frame pages. Each kind is one render.Kind: its template, how its view is
// filled and what search finds in it. The trainer's kit declares its own (site/kit).
package pages

import (
	"playbook/site/material"
	"playbook/site/pipeline/plan"
	"playbook/site/pipeline/render"
)

// Kinds returns the page kinds of the course's site, with one for each kind of material.
func Kinds(materials *material.Registry) render.Kinds {
	kinds := render.Kinds{
		plan.Home:       {Fill: fillHome},
		plan.Day:        {Fill: fillDay, Search: sectionDocs},
		plan.Lesson:     {Fill: fillLesson, Search: sectionDocs},
		plan.Standalone: {Fill: fillStandalone, Search: sectionDocs},
		plan.Slides:     {Fill: fillSlides, Bare: true},
		plan.Progress:   {Fill: fillProgress},
		plan.Search:     {Fill: fillSearch},
		plan.Coverage:   {Fill: fillCoverage},
		plan.Redirect:   {Fill: fillRedirect, Bare: true},
		plan.NotFound:   {Fill: fillNotFound, Bare: true},
	}
	for _, k := range materials.Kinds() {
		kinds[k.Name] = render.Kind{Fill: fillMaterial, Search: materialDocs}
	}
	return kinds
}
