// Package vectors holds the shared test vectors of progress-file import
// (testdata/import-vectors.json): files that the progress page's import and playbook report
// must both accept or both refuse, and what merging them into a given store must give
// (docs/progress.md, "Merging" and "Validation"). The Go tests run them through the report's
// reader and merger; the browser tests (e2e) run the same bytes through the page's import.
// Mutants derives many more files from them for a differential fuzz.
package vectors

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"playbook/site/report/collect"
	"playbook/site/report/progress"
)

// Set is the vectors file: the site key of the course the files belong to, the stores the
// files are merged into (by name, as the JSON the page keeps) and the cases.
type Set struct {
	Site   string            `json:"site"`
	Stores map[string]string `json:"stores"`
	Cases  []*Case           `json:"cases"`
}

// Case is one file and what the readers must make of it.
type Case struct {
	Name string `json:"name"`
	// Text is the file; Base64 its bytes instead, for files that are not UTF-8. Fill
	// replaces each placeholder of the text with a unit repeated (a unit and a count), and
	// Size pads the file with spaces to that many bytes, so that large files stay small here.
	Text   string              `json:"text"`
	Base64 string              `json:"base64"`
	Fill   map[string]fillUnit `json:"fill"`
	Size   int                 `json:"size"`
	Accept bool                `json:"accept"`
	Into   string              `json:"into"`
	Merged *Summary            `json:"merged"`
	// Data is the file's bytes, made by Load.
	Data []byte `json:"-"`
}

// fillUnit is a unit and how many times it is repeated: ["x", 100000].
type fillUnit struct {
	Unit  string
	Count int
}

func (f *fillUnit) UnmarshalJSON(b []byte) error {
	var pair []json.RawMessage
	if err := json.Unmarshal(b, &pair); err != nil || len(pair) != 2 {
		return fmt.Errorf("a fill is [unit, count], not %s", b)
	}
	if err := json.Unmarshal(pair[0], &f.Unit); err != nil {
		return err
	}
	return json.Unmarshal(pair[1], &f.Count)
}

// Load reads a vectors file and makes the bytes of each case.
func Load(path string) (*Set, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Set
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	for _, c := range s.Cases {
		if c.Data, err = c.bytes(); err != nil {
			return nil, fmt.Errorf("%s: case %q: %v", path, c.Name, err)
		}
		if _, ok := s.Stores[c.store()]; !ok {
			return nil, fmt.Errorf("%s: case %q: no store %q", path, c.Name, c.store())
		}
	}
	return &s, nil
}

func (c *Case) bytes() ([]byte, error) {
	data := []byte(c.Text)
	if c.Base64 != "" {
		var err error
		if data, err = base64.StdEncoding.DecodeString(c.Base64); err != nil {
			return nil, err
		}
	}
	for placeholder, f := range c.Fill {
		if !strings.Contains(string(data), placeholder) {
			return nil, fmt.Errorf("the text has no placeholder %q", placeholder)
		}
		data = []byte(strings.Replace(string(data), placeholder, strings.Repeat(f.Unit, f.Count), 1))
	}
	if c.Size > 0 {
		if len(data) > c.Size {
			return nil, fmt.Errorf("the text is longer than size %d", c.Size)
		}
		data = append(data, strings.Repeat(" ", c.Size-len(data))...)
	}
	return data, nil
}

// store is the name of the store the case is merged into.
func (c *Case) store() string {
	if c.Into == "" {
		return "empty"
	}
	return c.Into
}

// Store returns the store the case is merged into, as the page keeps it (JSON text).
func (s *Set) Store(c *Case) string { return s.Stores[c.store()] }

// Read reads a progress file of the course site as playbook report does: collect's size
// limit, then progress.Parse, then the course's site key.
func Read(data []byte, site string) (*progress.Progress, error) {
	if len(data) > collect.MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes", collect.MaxFileSize)
	}
	p, err := progress.Parse(data)
	if err != nil {
		return nil, err
	}
	if p.Site != site {
		return nil, fmt.Errorf("a file of site %q, not %q", p.Site, site)
	}
	return p, nil
}

// Import reads data as Read does and merges it into the store (JSON text) with
// collect.Merge, as the page's import merges a file into the browser's progress.
func Import(store string, data []byte, site string) (*Summary, error) {
	ours, err := Read([]byte(store), site)
	if err != nil {
		return nil, fmt.Errorf("the store: %v", err)
	}
	theirs, err := Read(data, site)
	if err != nil {
		return nil, err
	}
	return Summarize(collect.Merge(ours, theirs)), nil
}
