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
	data, err := csvText(data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	f := &csvFile{data: data, r: r}
	if err := f.readHeader(); err != nil {
		return nil, err
	}
	return f.readRows()
}

// csvText checks that data is UTF-8 and returns it without its byte order mark, with lines
// ended by a carriage return alone turned into lines ended by a newline.
func csvText(data []byte) ([]byte, error) {
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
	return data, nil
}

// csvFile is a CSV export being read: its rows, found by column name, with positions for
// messages.
type csvFile struct {
	data []byte
	r    *csv.Reader
	// col maps each column name of the header row to its index (the first, if repeated).
	col map[string]int
	// headLine is the line of the header row.
	headLine int
}

// fail is a ParseError at a line and a byte column of data.
func (f *csvFile) fail(line, byteCol int, msg string) error {
	return &ParseError{Line: line, Col: charCol(f.data, line, byteCol), Msg: msg}
}

// readErr is the ParseError of an error of the CSV reader.
func (f *csvFile) readErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return f.fail(pe.Line, pe.Column, "not CSV: "+pe.Err.Error())
	}
	return &ParseError{Msg: "not CSV: " + err.Error()}
}

// readHeader reads the header row, the first that is not blank, and checks that it has the
// required columns.
func (f *csvFile) readHeader() error {
	var head []string
	for head == nil {
		rec, err := f.r.Read()
		if err == io.EOF {
			return &ParseError{Msg: "not a checklist export: the file is empty"}
		}
		if err != nil {
			return f.readErr(err)
		}
		if !blank(rec) {
			head = rec
		}
	}
	f.headLine, _ = f.r.FieldPos(0)
	f.col = map[string]int{}
	for i, h := range head {
		name := strings.ToLower(strings.TrimSpace(h))
		if _, seen := f.col[name]; !seen {
			f.col[name] = i
		}
	}
	var missing []string
	for _, c := range RequiredColumns() {
		if _, ok := f.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return f.fail(f.headLine, 1, "not a checklist export: the header row lacks the column"+plural(len(missing))+" "+strings.Join(missing, ", "))
	}
	return nil
}

// get is the cell of rec in the named column, trimmed and unguarded; "" without one.
func (f *csvFile) get(rec []string, name string) string {
	i, ok := f.col[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return uncell(strings.TrimSpace(rec[i]))
}

// pos is the line and column of the cell of rec in the named column (of its last cell, if
// the row is shorter), for the row just read.
func (f *csvFile) pos(rec []string, name string) (int, int) {
	i := f.col[name]
	if i >= len(rec) {
		i = len(rec) - 1
	}
	line, c := f.r.FieldPos(i)
	return line, charCol(f.data, line, c)
}

// readRows reads the rows after the header into a copy.
func (f *csvFile) readRows() (*Copy, error) {
	c := &Copy{Kind: CSV, Fields: map[string]string{}, Actions: map[string]Action{}}
	rows := 0
	for {
		rec, err := f.r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, f.readErr(err)
		}
		if blank(rec) {
			continue
		}
		rows++
		if err := f.checklistOf(c, rec, rows == 1); err != nil {
			return nil, err
		}
		item := f.get(rec, "item_id")
		if item == "" || item == "__proto__" {
			continue
		}
		if level := f.get(rec, "answer_id"); level != "" {
			line, cc := f.pos(rec, "answer_id")
			c.setAnswer(Answer{Item: item, Level: level, Line: line, Col: cc})
		}
		if owner, due := f.get(rec, "owner"), f.get(rec, "due"); owner != "" || due != "" {
			c.Actions[item] = Action{Owner: owner, Due: due}
		}
	}
	if rows == 0 {
		return nil, f.fail(f.headLine, 1, "the file has a header row but no items")
	}
	return c, nil
}

// checklistOf takes the checklist, its version, the copy's name and header fields from the
// first row into c, and checks that every later row names the same checklist.
func (f *csvFile) checklistOf(c *Copy, rec []string, first bool) error {
	id := f.get(rec, "checklist")
	if first {
		if id == "" {
			line, cc := f.pos(rec, "checklist")
			return &ParseError{Line: line, Col: cc, Msg: "the checklist column is empty"}
		}
		c.Checklist, c.ChecklistVersion, c.Name = id, f.get(rec, "checklist_version"), f.get(rec, "copy_name")
		for _, name := range checklist.Fields {
			c.Fields[name] = f.get(rec, name)
		}
	} else if id != c.Checklist {
		line, cc := f.pos(rec, "checklist")
		return &ParseError{Line: line, Col: cc, Msg: fmt.Sprintf("this row is of checklist %q, the rows above of %q; export each checklist to its own file", id, c.Checklist)}
	}
	return nil
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
