// Package config loads playbook.yaml, the course's site configuration.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"

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
}

// Features switches optional behaviour on and off.
type Features struct {
	// RawHTML lets raw HTML in Markdown through to the pages. Off by default: content is not
	// trusted to carry markup or scripts.
	RawHTML bool
	// Search adds a search box to every page and writes the search index. On by default.
	Search bool
}

// SupportedLanguages are the languages the theme has interface strings for.
var SupportedLanguages = []string{"en", "zh-CN"}

// Load reads FileName from fsys. Every problem is added to diags; the returned Config is
// usable (with defaults) even when there were problems, so later stages can go on checking.
func Load(fsys fs.FS, diags *diag.List) *Config {
	cfg := &Config{Languages: []string{"en"}, DefaultLanguage: "en", Features: Features{Search: true}}
	src, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Pos{Path: FileName}, "no %s found; run the command in the course folder or pass --src DIR", FileName)
		return cfg
	}
	if err != nil {
		diags.Errorf(diag.Pos{Path: FileName}, "cannot read %s: %v", FileName, err)
		return cfg
	}
	d := &strictyaml.Decoder{Path: FileName, Diags: diags}
	root := d.Parse(src)
	f := d.Mapping(root, FileName, "title", "description", "languages", "default_language", "base_url", "features")

	if langs, ok := d.Strings(f, "languages"); ok {
		seen := map[string]bool{}
		var good []string
		for _, l := range langs {
			switch {
			case seen[l]:
				d.Errorf(f["languages"].Value, "language %q is listed twice", l)
			case !isSupported(l):
				d.Errorf(f["languages"].Value, "language %q has no interface strings in the theme; use one of %s", l, strings.Join(SupportedLanguages, ", "))
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
	return cfg
}

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

func isSupported(l string) bool { return isIn(l, SupportedLanguages) }

func isIn(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
