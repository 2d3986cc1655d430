// Package synonym reads the names a course gives one idea: a glossary entry whose text says
// "Also called lifetime value, CLV or customer lifecycle value." (or, in Chinese, "又称：终身
// 价值、生命周期价值。") makes its heading and those names one set, which search expands
// queries with.
package synonym

import (
	"regexp"
	"strings"
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
			for _, m := range re.FindAllStringSubmatch(e[1], -1) {
				for _, name := range splitter.Split(m[1], -1) {
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

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
