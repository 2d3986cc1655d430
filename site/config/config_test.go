package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"playbook/site/diag"
)

func load(src string) (*Config, diag.List) {
	var d diag.List
	c, _ := Load(fstest.MapFS{FileName: {Data: []byte(src)}}, &d)
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

func TestSchedule(t *testing.T) {
	c, d := load("title: T\n")
	if len(d) > 0 || c.Schedule.Start != 9*60 || c.Schedule.End != 17*60 || c.Schedule.ClassSize != 12 || len(c.Schedule.Breaks) != 3 || c.Schedule.Teaching() != 390 {
		t.Errorf("default schedule = %+v, %d teaching minutes (%v)", c.Schedule, c.Schedule.Teaching(), d)
	}
	c, d = load("title: T\nschedule: {start: \"08:30\", end: \"16:00\", class_size: 20, breaks: [{at: \"12:00\", minutes: 45}, {at: \"15:50\", minutes: 30}]}\n")
	if len(d) > 0 || c.Schedule.End != 16*60 || c.Schedule.ClassSize != 20 || c.Schedule.Teaching() != 450-45-10 {
		t.Errorf("schedule with an end: %+v, %d teaching minutes (%v); a break running past the end counts up to the end", c.Schedule, c.Schedule.Teaching(), d)
	}
	c, d = load("title: {en: T, zh-CN: 题}\nlanguages: [en, zh-CN]\nschedule:\n  start: \"8:30\"\n  breaks:\n    - {at: \"12:15\", minutes: 45, title: {en: Lunch, zh-CN: 午餐}}\n")
	if len(d) > 0 {
		t.Fatal(d)
	}
	want := Schedule{Start: 8*60 + 30, Breaks: []Break{{At: 12*60 + 15, Minutes: 45, Title: map[string]string{"en": "Lunch", "zh-CN": "午餐"}}}}
	if c.Schedule.Start != want.Start || len(c.Schedule.Breaks) != 1 || c.Schedule.Breaks[0].At != want.Breaks[0].At || c.Schedule.Breaks[0].Title["zh-CN"] != "午餐" {
		t.Errorf("schedule = %+v, want %+v", c.Schedule, want)
	}
	c, d = load("title: T\nschedule: {breaks: []}\n")
	if len(d) > 0 || len(c.Schedule.Breaks) != 0 {
		t.Errorf("an empty list must mean no breaks: %+v (%v)", c.Schedule, d)
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
		{"title: T\nschedule: {start: \"9h\"}\n", `start must be a time of day like "09:00", found "9h"`},
		{"title: T\nschedule: {start: \"24:00\"}\n", "start must be a time of day"},
		{"title: T\nschedule: {start: \"10:00\", end: \"09:00\"}\n", "end must be a time of day after the start"},
		{"title: T\nschedule: {class_size: 0}\n", "class_size"},
		{"title: T\nschedule: {breaks: [{at: \"10:30\"}]}\n", "a break needs minutes:"},
		{"title: T\nschedule: {breaks: [{minutes: 10}]}\n", "a break needs at:"},
		{"title: T\nschedule: {breaks: [{at: \"10:30\", minutes: 0}]}\n", "minutes must be a whole number from 1 to 240"},
		{"title: T\nschedule: {breaks: [{at: \"12:00\", minutes: 60}, {at: \"10:30\", minutes: 15}]}\n", "list breaks in order of time"},
		{"title: T\nschedule: {start: \"10:00\", breaks: [{at: \"09:30\", minutes: 15}]}\n", "starts before the day starts"},
		{"title: T\nschedule: {breaks: [{at: \"10:30\", minutes: 15, lenght: 3}]}\n", `unknown key "lenght"`},
	}
	for _, tt := range tests {
		_, d := load(tt.src)
		if len(d) == 0 || !strings.Contains(d.Error(), tt.want) {
			t.Errorf("%q: want %q, got %v", tt.src, tt.want, d)
		}
	}
}
