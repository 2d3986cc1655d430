// Package synonym reads the names a course gives one idea: a glossary entry whose text says
// "Also called lifetime value, CLV or customer lifecycle value." (or, in Chinese, "又称：终身
// 价值、生命周期价值。") makes its heading and those names one set, which search expands
// queries with.
package synonym

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	alsoCalled = regexp.MustCompile(`(?i)\balso (?:called|known as) ([^.;:)(]+)`)
	alsoZH     = regexp.MustCompile(`(?:又称|也称|也叫)[：:]?([^。；;）)（(]+)`)
	splitter   = regexp.MustCompile(`\s*(?:,|、|，|\bor\b|\band\b|或)\s*`)
	article    = regexp.MustCompile(`(?i)^(?:an?|the)\s+`)
	paren      = regexp.MustCompile(`\s*[（(][^）)]*[）)]`)
)

// Sets returns, for each (heading, text) entry whose text has an "also called" list, the
// heading (without a parenthesis) and the names of the list, lower-cased, in entry order.
func Sets(entries [][2]string) [][]string {
	var out [][]string
	for _, e := range entries {
		heading := strings.ToLower(strings.TrimSpace(paren.ReplaceAllString(e[0], "")))
		if heading == "" {
			continue
		}
		set := []string{heading}
		for _, re := range []*regexp.Regexp{alsoCalled, alsoZH} {
			for _, m := range re.FindAllStringSubmatchIndex(e[1], -1) {
				if aside(e[1][:m[0]]) {
					continue
				}
				for _, name := range splitter.Split(e[1][m[2]:m[3]], -1) {
					name = strings.ToLower(strings.Trim(article.ReplaceAllString(strings.TrimSpace(name), ""), `"“”'`))
					if name != "" && len([]rune(name)) <= 40 && !contains(set, name) {
						set = append(set, name)
					}
				}
			}
		}
		if len(set) > 1 {
			out = append(out, set)
		}
	}
	return out
}

// aside reports whether text ends inside a parenthesis that says something before: there an
// "also called" names a part of the entry ("决定权（Authority，又称：决策权）"), not the entry.
func aside(text string) bool {
	open := strings.LastIndexAny(text, "(（")
	if open < 0 || strings.LastIndexAny(text, ")）") > open {
		return false
	}
	_, size := utf8.DecodeRuneInString(text[open:])
	return strings.TrimSpace(text[open+size:]) != ""
}

// h3 is a level-3 heading, with its optional {#id}.
var h3 = regexp.MustCompile(`^###\s+(.+?)\s*(?:\{#[^}]*\})?\s*$`)

// FromMarkdown returns the sets of a page of Markdown whose entries are level-3 headings,
// each followed by its text (a glossary), as Sets does.
func FromMarkdown(body []byte) [][]string {
	var entries [][2]string
	heading := ""
	for _, line := range strings.Split(string(body), "\n") {
		if m := h3.FindStringSubmatch(line); m != nil {
			heading = m[1]
			continue
		}
		if strings.HasPrefix(line, "#") {
			heading = ""
		}
		if heading != "" && strings.TrimSpace(line) != "" {
			entries = append(entries, [2]string{heading, line})
		}
	}
	return Sets(entries)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
