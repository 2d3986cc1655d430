package checklistcopy

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"playbook/site/checklist"
	"playbook/site/report/jsonpos"
)

// RequiredColumns are the columns a CSV export must have, as the page's import requires.
func RequiredColumns() []string { return []string{"item_id", "answer_id", "checklist"} }

// ParseCSV reads a CSV export as the page's import does: UTF-8 (a byte order mark is
// ignored), RFC 4180, the separator being the first of comma, semicolon and tab found in the
// header row (spreadsheets in some regions save with semicolons); columns found by name in
// the header row, case and spaces ignored; blank rows ignored; a leading ' that guards a
// formula removed. Every row must name the same checklist; the copy's name, version and
// header fields come from the first row.
func ParseCSV(data []byte) (*Copy, error) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line, col := jsonpos.LineCol(data, off)
		return nil, &ParseError{Line: line, Col: col, Msg: "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""}
	}
	if !bytes.ContainsRune(data, '\n') {
		// Old spreadsheets on the Mac end lines with a carriage return alone.
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	fail := func(line, byteCol int, msg string) (*Copy, error) {
		return nil, &ParseError{Line: line, Col: charCol(data, line, byteCol), Msg: msg}
	}
	readErr := func(err error) (*Copy, error) {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return fail(pe.Line, pe.Column, "not CSV: "+pe.Err.Error())
		}
		return nil, &ParseError{Msg: "not CSV: " + err.Error()}
	}
	var head []string
	for head == nil {
		rec, err := r.Read()
		if err == io.EOF {
			return nil, &ParseError{Msg: "not a checklist export: the file is empty"}
		}
		if err != nil {
			return readErr(err)
		}
		if !blank(rec) {
			head = rec
		}
	}
	headLine, _ := r.FieldPos(0)
	col := map[string]int{}
	for i, h := range head {
		name := strings.ToLower(strings.TrimSpace(h))
		if _, seen := col[name]; !seen {
			col[name] = i
		}
	}
	var missing []string
	for _, c := range RequiredColumns() {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return fail(headLine, 1, "not a checklist export: the header row lacks the column"+plural(len(missing))+" "+strings.Join(missing, ", "))
	}
	get := func(rec []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return uncell(strings.TrimSpace(rec[i]))
	}
	pos := func(rec []string, name string) (int, int) {
		i := col[name]
		if i >= len(rec) {
			i = len(rec) - 1
		}
		line, c := r.FieldPos(i)
		return line, charCol(data, line, c)
	}
	c := &Copy{Kind: CSV, Fields: map[string]string{}, Actions: map[string]Action{}}
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return readErr(err)
		}
		if blank(rec) {
			continue
		}
		rows++
		id := get(rec, "checklist")
		if rows == 1 {
			if id == "" {
				line, cc := pos(rec, "checklist")
				return nil, &ParseError{Line: line, Col: cc, Msg: "the checklist column is empty"}
			}
			c.Checklist, c.ChecklistVersion, c.Name = id, get(rec, "checklist_version"), get(rec, "copy_name")
			for _, f := range checklist.Fields {
				c.Fields[f] = get(rec, f)
			}
		} else if id != c.Checklist {
			line, cc := pos(rec, "checklist")
			return nil, &ParseError{Line: line, Col: cc, Msg: fmt.Sprintf("this row is of checklist %q, the rows above of %q; export each checklist to its own file", id, c.Checklist)}
		}
		item := get(rec, "item_id")
		if item == "" || item == "__proto__" {
			continue
		}
		if level := get(rec, "answer_id"); level != "" {
			line, cc := pos(rec, "answer_id")
			c.setAnswer(Answer{Item: item, Level: level, Line: line, Col: cc})
		}
		if owner, due := get(rec, "owner"), get(rec, "due"); owner != "" || due != "" {
			c.Actions[item] = Action{Owner: owner, Due: due}
		}
	}
	if rows == 0 {
		return fail(headLine, 1, "the file has a header row but no items")
	}
	return c, nil
}

// separator is the first of comma, semicolon and tab found in the first line of data.
func separator(data []byte) rune {
	first := data
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		first = data[:i]
	}
	for _, s := range []byte{',', ';', '\t'} {
		if bytes.IndexByte(first, s) >= 0 {
			return rune(s)
		}
	}
	return ','
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// uncell removes the ' the export puts before a text a spreadsheet would run as a formula.
func uncell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// charCol turns a 1-based byte column of a line of data into a column in characters.
func charCol(data []byte, line, byteCol int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	end := min(start+max(byteCol-1, 0), len(data))
	return utf8.RuneCount(data[start:end]) + 1
}
