// Package links checks the destination of every link and image of a lesson and rewrites
// relative links to source files into the URLs of the pages and files they became.
package links

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// allowedSchemes are the URL schemes a link may use. Everything else (javascript:, data:,
// vbscript:, file:...) is refused, whatever the raw-HTML setting.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// Resolver maps link targets to output URLs.
type Resolver interface {
	// ResolveLink receives a target path relative to the source root (slash-separated,
	// cleaned) and whether it is an image, and returns the URL to write into the page, or
	// ok=false when there is nothing at that path.
	ResolveLink(target string, image bool) (href string, ok bool)
}

// Anchor is a link to an anchor of a document, to be checked once every document is known.
type Anchor struct {
	// Target is the document's path relative to the source root.
	Target string
	// Fragment is the anchor, unescaped.
	Fragment string
}

// Result is what becomes of one destination.
type Result struct {
	// Dest is the destination to write into the page.
	Dest []byte
	// Problems are the errors found in the destination, in the order found.
	Problems []string
	// Anchor is the anchor the destination points at, if any.
	Anchor *Anchor
}

// Rewrite checks dest, the destination of a link (an image with image set) in the file at
// from (relative to the source root, slash-separated), and says what to write instead. With
// a nil Resolver, relative links are left unchecked.
func Rewrite(from string, dest []byte, image bool, r Resolver) Result {
	res := Result{Dest: dest}
	raw := strings.TrimSpace(string(dest))
	what := "link"
	if image {
		what = "image"
	}
	problem := func(format string, a ...any) {
		res.Problems = append(res.Problems, fmt.Sprintf(format, a...))
	}
	if raw == "" {
		problem("%s has an empty destination; write a relative path to a lesson, e.g. (02-next.md)", what)
		return res
	}
	if scheme, ok := schemeOf(raw); ok {
		switch {
		case !allowedSchemes[scheme]:
			problem("%s scheme %q is not allowed; use http, https, mailto, tel or a relative path", what, scheme+":")
			res.Dest = []byte("#")
		case image:
			problem("image %q is on another host; pages must not load anything from elsewhere, so copy the image next to the lesson and link it by relative path", raw)
			res.Dest = []byte("#")
		}
		return res
	}
	if strings.HasPrefix(raw, "//") {
		if image {
			problem("image %q is on another host; copy it next to the lesson and link it by relative path", raw)
			res.Dest = []byte("#")
			return res
		}
		res.Dest = []byte("https:" + raw)
		return res
	}
	if strings.HasPrefix(raw, "/") {
		problem("%s %q is an absolute path, which breaks when the site is opened from disk or a sub-path; use a path relative to this file, e.g. ../day-02-x/01-y.md", what, raw)
		return res
	}
	target, fragment, _ := strings.Cut(raw, "#")
	if i := strings.IndexByte(target, '?'); i >= 0 {
		problem("%s %q has a query string, which static pages cannot use; remove the part from \"?\"", what, raw)
		target = target[:i]
	}
	if unescaped, err := url.PathUnescape(target); err == nil {
		target = unescaped
	}
	if fragment != "" {
		if f, err := url.PathUnescape(fragment); err == nil {
			fragment = f
		}
	}
	if target == "" {
		// An anchor on the same page.
		res.Anchor = &Anchor{Target: from, Fragment: fragment}
		return res
	}
	joined := path.Join(path.Dir(from), target)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		problem("%s %q points outside the course folder; link only to files of the course", what, raw)
		return res
	}
	if r == nil {
		return res
	}
	href, ok := r.ResolveLink(joined, image)
	if !ok {
		problem("%s to %q: there is no such file (looked for %s); check the path, which is relative to this file", what, raw, joined)
		return res
	}
	if fragment != "" {
		res.Anchor = &Anchor{Target: joined, Fragment: fragment}
		href += "#" + url.PathEscape(fragment)
	}
	res.Dest = []byte(href)
	return res
}

// schemeOf returns the URL scheme of raw, if it has one.
func schemeOf(raw string) (string, bool) {
	for i, c := range raw {
		switch {
		case c == ':':
			if i == 0 {
				return "", false
			}
			return strings.ToLower(raw[:i]), true
		case c == '/' || c == '?' || c == '#':
			return "", false
		case i > 0 && (c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9'):
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		default:
			return "", false
		}
	}
	return "", false
}
