// Package source reads course files and normalises them before any parser sees them: it
// refuses files that are too large or not UTF-8 (with the position of the first bad byte),
// drops a byte-order mark, and turns CRLF and CR line endings into LF.
package source

import (
	"bytes"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"playbook/site/diag"
)

// MaxFileSize is the largest source file accepted. A lesson is a few dozen kilobytes; a file
// far larger is almost always a mistake (a pasted export, a binary saved as .md).
const MaxFileSize = 4 << 20

// Read reads path from fsys and returns its normalised text. Problems go to diags and ok is
// false; nothing is returned for a file that cannot be used.
func Read(fsys fs.FS, path string, diags *diag.List) ([]byte, bool) {
	pos := diag.Pos{Path: path, Line: 1, Col: 1}
	info, err := fs.Stat(fsys, path)
	if err != nil {
		diags.Errorf(pos, "cannot read file: %v; check that it exists and is readable", unwrap(err))
		return nil, false
	}
	if info.Size() > MaxFileSize {
		diags.Errorf(pos, "file is %s, larger than the %s limit for course files; split it into smaller lessons", size(info.Size()), size(MaxFileSize))
		return nil, false
	}
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		diags.Errorf(pos, "cannot read file: %v; check its permissions", unwrap(err))
		return nil, false
	}
	return Normalize(path, data, diags)
}

// Normalize checks data is UTF-8 and returns it without a byte-order mark and with LF line
// endings.
func Normalize(path string, data []byte, diags *diag.List) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		line, col := firstInvalid(data)
		diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file is not valid UTF-8 text; save it as UTF-8 (in Excel or Notepad: \"UTF-8\" encoding)")
		return nil, false
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		line, col := position(data, bytes.IndexByte(data, 0))
		diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file contains a NUL byte, so it is not a text file; save it as plain UTF-8 text")
		return nil, false
	}
	return data, true
}

func firstInvalid(data []byte) (int, int) {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return position(data, i)
		}
		i += n
	}
	return 1, 1
}

// position returns the 1-based line and character column of byte offset i.
func position(data []byte, i int) (int, int) {
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return line, utf8.RuneCount(data[start:i]) + 1
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", n>>10)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err
	}
	return err
}
