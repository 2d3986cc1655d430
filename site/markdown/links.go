package markdown

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// allowedSchemes are the URL schemes a link may use. Everything else (javascript:, data:,
// vbscript:, file:...) is refused, whatever the raw-HTML setting.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// rewrite checks one link or image destination and returns what to write into the page.
func (s *convertState) rewrite(n ast.Node, dest []byte, image bool, source []byte) []byte {
	raw := strings.TrimSpace(string(dest))
	pos := s.pos(inlineOffset(source, n, dest))
	what := "link"
	if image {
		what = "image"
	}
	if raw == "" {
		s.diags.Errorf(pos, "%s has an empty destination; write a relative path to a lesson, e.g. (02-next.md)", what)
		return dest
	}
	if scheme, ok := schemeOf(raw); ok {
		switch {
		case !allowedSchemes[scheme]:
			s.diags.Errorf(pos, "%s scheme %q is not allowed; use http, https, mailto, tel or a relative path", what, scheme+":")
			return []byte("#")
		case image:
			s.diags.Errorf(pos, "image %q is on another host; pages must not load anything from elsewhere, so copy the image next to the lesson and link it by relative path", raw)
			return []byte("#")
		}
		return dest
	}
	if strings.HasPrefix(raw, "//") {
		if image {
			s.diags.Errorf(pos, "image %q is on another host; copy it next to the lesson and link it by relative path", raw)
			return []byte("#")
		}
		return []byte("https:" + raw)
	}
	if strings.HasPrefix(raw, "/") {
		s.diags.Errorf(pos, "%s %q is an absolute path, which breaks when the site is opened from disk or a sub-path; use a path relative to this file, e.g. ../day-02-x/01-y.md", what, raw)
		return dest
	}
	target, fragment, _ := strings.Cut(raw, "#")
	if i := strings.IndexByte(target, '?'); i >= 0 {
		s.diags.Errorf(pos, "%s %q has a query string, which static pages cannot use; remove the part from \"?\"", what, raw)
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
		s.doc.Links = append(s.doc.Links, Link{Pos: pos, Target: s.src.Path, Fragment: fragment})
		return dest
	}
	joined := path.Join(path.Dir(s.src.Path), target)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		s.diags.Errorf(pos, "%s %q points outside the course folder; link only to files of the course", what, raw)
		return dest
	}
	if s.src.Resolver == nil {
		return dest
	}
	href, ok := s.src.Resolver.ResolveLink(joined, image)
	if !ok {
		s.diags.Errorf(pos, "%s to %q: there is no such file (looked for %s); check the path, which is relative to this file", what, raw, joined)
		return dest
	}
	if fragment != "" {
		s.doc.Links = append(s.doc.Links, Link{Pos: pos, Target: joined, Fragment: fragment})
		href += "#" + url.PathEscape(fragment)
	}
	return []byte(href)
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
