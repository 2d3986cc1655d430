package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/diag"
)

func load(src string) (*Config, diag.List) {
	var d diag.List
	c := Load(fstest.MapFS{FileName: {Data: []byte(src)}}, &d)
	return c, d
}

func TestLoad(t *testing.T) {
	c, d := load("title: {en: Playbook, zh-CN: 手册}\nlanguages: [en, zh-CN]\ndefault_language: zh-CN\nbase_url: https://example.org/crm\nfeatures: {raw_html: true}\n")
	if len(d) > 0 {
		t.Fatal(d)
	}
	if c.Title["zh-CN"] != "手册" || c.DefaultLanguage != "zh-CN" || c.BaseURL != "https://example.org/crm/" || !c.Features.RawHTML {
		t.Errorf("got %+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"languages: [en]\n", "has no title"},
		{"title: T\nlanguages: [en, fr]\n", `language "fr" has no interface strings`},
		{"title: T\nlanguages: [en, en]\n", "listed twice"},
		{"title: T\ndefault_language: zh-CN\n", "not one of languages"},
		{"title: {en: T}\nlanguages: [en, zh-CN]\n", "no zh-CN translation"},
		{"title: T\nbase_url: ftp://x/\n", "base URL must be"},
		{"title: T\nfeatures: {sarch: true}\n", `unknown key "sarch"`},
		{"title: T\nfeatures: {raw_html: yes please}\n", "raw_html must be true or false"},
		{"title: T\nlanguage: [en]\n", `did you mean "languages"`},
	}
	for _, tt := range tests {
		_, d := load(tt.src)
		if len(d) == 0 || !strings.Contains(d.Error(), tt.want) {
			t.Errorf("%q: want %q, got %v", tt.src, tt.want, d)
		}
	}
}
