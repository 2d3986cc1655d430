// Package config loads playbook.yaml, the course's site configuration.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"playbook/site/diag"
	"playbook/site/strictyaml"
)

// FileName is the configuration file at the root of a course.
const FileName = "playbook.yaml"

// Config is the site configuration.
type Config struct {
	// Title and Description are per language code.
	Title       map[string]string
	Description map[string]string
	// Languages lists the content languages; the first is the default unless DefaultLanguage says otherwise.
	Languages       []string
	DefaultLanguage string
	// BaseURL is the absolute URL the site is published at, ending in "/"; empty when unknown.
	// When set, the build writes sitemap.xml and a 404 page.
	BaseURL  string
	Features Features
	// Schedule is when the course days run, for the trainer's timetable.
	Schedule Schedule
}

// Schedule sets the clock of a course day: when it starts and ends and when the breaks fall,
// and how many take part (for the trainer's print list).
type Schedule struct {
	// Start and End are when a day starts and ends, in minutes after midnight.
	Start, End int
	// ClassSize is how many participants a class has.
	ClassSize int
	// Configured is true when playbook.yaml sets the schedule: then check holds every day's
	// plan to it.
	Configured bool
	// Breaks are in the order of their times.
	Breaks []Break
}

// Break is a pause in a course day.
type Break struct {
	// At is the time the break is planned for, in minutes after midnight; the timetable puts
	// it at the section boundary nearest that time.
	At      int
	Minutes int
	// Title is the break's name per language; when empty, the theme calls a break shorter
	// than 45 minutes "Break" and a longer one "Lunch".
	Title map[string]string
}

// DefaultSchedule is a training day from 09:00 with a morning break, lunch and an afternoon
// break.
func DefaultSchedule() Schedule {
	return Schedule{Start: 9 * 60, End: 17 * 60, ClassSize: 12,
		Breaks: []Break{{At: 10*60 + 30, Minutes: 15}, {At: 12 * 60, Minutes: 60}, {At: 15 * 60, Minutes: 15}}}
}

// Teaching is the minutes of a day between Start and End that no break takes.
func (s Schedule) Teaching() int {
	n := s.End - s.Start
	for _, b := range s.Breaks {
		if b.At >= s.Start && b.At < s.End {
			n -= min(b.Minutes, s.End-b.At)
		}
	}
	return n
}

// Features switches optional behaviour on and off.
type Features struct {
	// RawHTML lets raw HTML in Markdown through to the pages. Off by default: content is not
	// trusted to carry markup or scripts.
	RawHTML bool
	// Search adds a search box to every page and writes the search index. On by default.
	Search bool
}

// SupportedLanguages returns the languages the theme has interface strings for.
func SupportedLanguages() []string { return []string{"en", "zh-CN"} }

// Load reads FileName from fsys. Every problem is added to diags; the returned Config is
// usable (with defaults) even when there were problems, so later stages can go on checking.
// It also returns the file's bytes (nil when it could not be read).
func Load(fsys fs.FS, diags *diag.List) (*Config, []byte) {
	cfg := &Config{Languages: []string{"en"}, DefaultLanguage: "en", Features: Features{Search: true}, Schedule: DefaultSchedule()}
	if info, err := fs.Lstat(fsys, FileName); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		diags.Errorf(diag.Pos{Path: FileName, Line: 1, Col: 1}, "%s is a symbolic link, which the build does not follow (it could reach files outside the course); copy the file in instead", FileName)
		return cfg, nil
	}
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Pos{Path: FileName}, "no %s found; run the command in the course folder or pass --src DIR", FileName)
		return cfg, nil
	}
	if err != nil {
		diags.Errorf(diag.Pos{Path: FileName}, "cannot read %s: %v", FileName, err)
		return cfg, nil
	}
	return parse(cfg, src, diags), src
}

// parse reads the configuration in src into cfg, which holds the defaults.
func parse(cfg *Config, src []byte, diags *diag.List) *Config {
	d := &strictyaml.Decoder{Path: FileName, Diags: diags}
	root := d.Parse(src)
	f := d.Mapping(root, FileName, "title", "description", "languages", "default_language", "base_url", "features", "schedule")

	if langs, ok := d.Strings(f, "languages"); ok {
		seen := map[string]bool{}
		var good []string
		for _, l := range langs {
			switch {
			case seen[l]:
				d.Errorf(f["languages"].Value, "language %q is listed twice", l)
			case !isSupported(l):
				d.Errorf(f["languages"].Value, "language %q has no interface strings in the theme; use one of %s", l, strings.Join(SupportedLanguages(), ", "))
			default:
				good = append(good, l)
			}
			seen[l] = true
		}
		if len(good) > 0 {
			cfg.Languages = good
		} else if len(langs) == 0 {
			d.Errorf(f["languages"].Value, "languages must name at least one language, e.g. [en, zh-CN]")
		}
	}
	cfg.DefaultLanguage = cfg.Languages[0]
	if def, ok := d.String(f, "default_language"); ok {
		if isIn(def, cfg.Languages) {
			cfg.DefaultLanguage = def
		} else {
			d.Errorf(f["default_language"].Value, "default_language %q is not one of languages (%s)", def, strings.Join(cfg.Languages, ", "))
		}
	}
	if _, ok := f["title"]; !ok {
		d.Errorf(root, "%s has no title; add e.g. \"title: CRM Playbook\"", FileName)
	}
	title, _ := d.Localized(f, "title", cfg.Languages)
	description, _ := d.Localized(f, "description", cfg.Languages)
	cfg.Title, cfg.Description = title.Map(), description.Map()
	if base, ok := d.String(f, "base_url"); ok && base != "" {
		if norm, err := NormalizeBaseURL(base); err != nil {
			d.Errorf(f["base_url"].Value, "%v", err)
		} else {
			cfg.BaseURL = norm
		}
	}
	if fl, ok := f["features"]; ok {
		ff := d.Mapping(fl.Value, "features", "raw_html", "search")
		cfg.Features.RawHTML, _ = d.Bool(ff, "raw_html")
		if on, ok := d.Bool(ff, "search"); ok {
			cfg.Features.Search = on
		}
	}
	if fl, ok := f["schedule"]; ok {
		cfg.Schedule = loadSchedule(d, fl.Value, cfg.Languages)
	}
	return cfg
}

// loadSchedule reads the schedule mapping: start: "09:00" and breaks: a list of
// {at: "10:30", minutes: 15, title: ...}. Keys left out keep their defaults.
func loadSchedule(d *strictyaml.Decoder, n *yaml.Node, langs []string) Schedule {
	s := DefaultSchedule()
	s.Configured = true
	f := d.Mapping(n, "schedule", "start", "end", "class_size", "breaks")
	if v, ok := d.String(f, "start"); ok {
		if t, ok := clock(v); ok {
			s.Start = t
		} else {
			d.Errorf(f["start"].Value, "start must be a time of day like \"09:00\", found %q", v)
		}
	}
	if v, ok := d.String(f, "end"); ok {
		if t, ok := clock(v); ok && t > s.Start {
			s.End = t
		} else {
			d.Errorf(f["end"].Value, "end must be a time of day after the start, like \"17:00\", found %q", v)
		}
	} else if s.End <= s.Start {
		s.End = min(s.Start+8*60, 24*60-1)
	}
	if size, ok := d.Int(f, "class_size", 1, 500); ok {
		s.ClassSize = size
	}
	items, ok := d.Seq(f, "breaks")
	if !ok {
		return s
	}
	s.Breaks = nil
	end := s.Start // the end of the previous break
	for _, item := range items {
		bf := d.Mapping(item, "break", "at", "minutes", "title")
		var b Break
		at, ok := d.String(bf, "at")
		if !ok {
			if _, given := bf["at"]; !given {
				d.Errorf(item, "a break needs at: (its time, like \"10:30\") and minutes:")
			}
			continue
		}
		if b.At, ok = clock(at); !ok {
			d.Errorf(bf["at"].Value, "at must be a time of day like \"10:30\", found %q", at)
			continue
		}
		if b.Minutes, ok = d.Int(bf, "minutes", 1, 240); !ok {
			if _, given := bf["minutes"]; !given {
				d.Errorf(item, "a break needs minutes: (how long it lasts, e.g. 15)")
			}
			continue
		}
		if b.At < end {
			d.Errorf(bf["at"].Value, "the break at %s starts before the day starts or before the previous break ends (%s); list breaks in order of time", at, formatClock(end))
			continue
		}
		if title, ok := d.Localized(bf, "title", langs); ok {
			b.Title = title.Map()
		}
		end = b.At + b.Minutes
		s.Breaks = append(s.Breaks, b)
	}
	return s
}

// clock parses a time of day "H:MM" or "HH:MM" into minutes after midnight.
func clock(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}

// formatClock writes minutes after midnight as HH:MM.
func formatClock(t int) string { return fmt.Sprintf("%02d:%02d", t/60%24, t%60) }

// NormalizeBaseURL checks that s is an absolute http(s) URL and returns it ending in "/".
func NormalizeBaseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", errors.New("base URL must be an absolute http:// or https:// address such as https://example.org/crm/")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", errors.New("base URL must not carry a query or a fragment")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

func isSupported(l string) bool { return isIn(l, SupportedLanguages()) }

func isIn(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
