package theme

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestContrast reads the colour variables of both colour schemes from the stylesheet and
// checks the WCAG 2 contrast ratio of every text/background pair the theme uses: 4.5:1 for
// text, 3:1 for the focus ring.
func TestContrast(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	css := string(th.Asset("assets/playbook.css"))
	light := cssVars(t, css[:strings.Index(css, "@media (prefers-color-scheme: dark)")])
	darkBlock := css[strings.Index(css, "@media (prefers-color-scheme: dark)"):]
	dark := cssVars(t, darkBlock[:strings.Index(darkBlock, "}\n}")+1])
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"text", "bg", 4.5}, {"text", "surface", 4.5}, {"muted", "bg", 4.5}, {"muted", "surface", 4.5},
		{"accent", "bg", 4.5}, {"accent", "surface", 4.5}, {"accent-text", "accent", 4.5},
		{"trainer-text", "trainer-bg", 4.5}, {"text", "trainer-bg", 4.5},
		{"focus", "bg", 3}, {"focus", "surface", 3},
	}
	for name, vars := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, p := range pairs {
			fg, bg := vars[p.fg], vars[p.bg]
			if fg == "" || bg == "" {
				t.Fatalf("%s scheme lacks --%s or --%s", name, p.fg, p.bg)
			}
			if r := contrast(fg, bg); r < p.min {
				t.Errorf("%s scheme: --%s (%s) on --%s (%s) has contrast %.2f, below %.1f", name, p.fg, fg, p.bg, bg, r, p.min)
			}
		}
	}
}

var cssVar = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6});`)

func cssVars(t *testing.T, block string) map[string]string {
	vars := map[string]string{}
	for _, m := range cssVar.FindAllStringSubmatch(block, -1) {
		vars[m[1]] = m[2]
	}
	if len(vars) < 8 {
		t.Fatalf("found only %d colour variables", len(vars))
	}
	return vars
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	channel := func(s string) float64 {
		v, _ := strconv.ParseUint(s, 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(hex[1:3]) + 0.7152*channel(hex[3:5]) + 0.0722*channel(hex[5:7])
}

// TestSlidesContrast checks the colours of slides.css: projectors wash colours out, so the
// slides' text reaches 7:1 (WCAG AAA), and every other text 4.5:1.
func TestSlidesContrast(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	vars := cssVars(t, string(th.Asset("assets/slides.css")))
	for _, p := range []struct {
		fg, bg string
		min    float64
	}{
		{"slide-text", "slide-bg", 7}, {"slide-text", "slide-surface", 7}, {"slide-muted", "slide-bg", 7},
		{"slide-accent", "slide-bg", 7}, {"bar-text", "bar-bg", 4.5}, {"pv-text", "pv-bg", 4.5},
		{"pv-muted", "pv-bg", 4.5}, {"pv-text", "pv-surface", 4.5}, {"focus", "bar-bg", 3}, {"focus", "pv-bg", 3},
	} {
		fg, bg := vars[p.fg], vars[p.bg]
		if fg == "" || bg == "" {
			t.Fatalf("slides.css lacks --%s or --%s", p.fg, p.bg)
		}
		if r := contrast(fg, bg); r < p.min {
			t.Errorf("--%s (%s) on --%s (%s) has contrast %.2f, below %.1f", p.fg, fg, p.bg, bg, r, p.min)
		}
	}
}
