package theme

import (
	"os"
	"regexp"
	"testing"

	"playbook/site/config"
)

func TestEveryStringInEveryLanguage(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range th.StringKeys() {
		for _, lang := range config.SupportedLanguages() {
			if !th.HasString(lang, key) {
				t.Errorf("string %q has no %s text", key, lang)
			}
		}
	}
}

// TestTemplatesUseKnownStrings finds every {{.T "key"}} and {{$.Tf "key" ...}} in the
// templates and checks the key exists, so a typo cannot show a raw key to readers.
func TestTemplatesUseKnownStrings(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	use := regexp.MustCompile(`\.Tf? "([a-z_]+)"`)
	entries, _ := os.ReadDir("templates")
	found := 0
	for _, e := range entries {
		data, _ := os.ReadFile("templates/" + e.Name())
		for _, m := range use.FindAllStringSubmatch(string(data), -1) {
			found++
			if !th.HasString("en", m[1]) {
				t.Errorf("%s uses unknown string %q", e.Name(), m[1])
			}
		}
	}
	if found < 10 {
		t.Errorf("found only %d string uses; the pattern is out of date", found)
	}
}

func TestAssetsAreEmbedded(t *testing.T) {
	th, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(th.Asset("assets/playbook.css")) == 0 {
		t.Error("stylesheet missing")
	}
}
