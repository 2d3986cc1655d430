package collect

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize is the largest progress file read. A real one is a few kilobytes; anything
// near this size is not a progress file.
const MaxFileSize = 8 << 20

// Input is one progress file as given to the report: its path and content, or why it
// could not be used before it was even parsed.
type Input struct {
	Path string
	Data []byte
	// Err is why the file could not be read (unreadable, too large, a folder without
	// progress files); Data is then nil.
	Err error
	// SameAs is the path under which an earlier input named the very same file, or "".
	SameAs string
}

// ReadPaths reads the progress files named by paths, in order. A folder stands for the
// *.json and *.csv files directly in it (progress files and checklist exports), sorted by
// name. A file named twice (by the same path or
// another path to the same file) is read once: the later input has SameAs set.
func ReadPaths(paths []string) []Input {
	var files []string
	var out []Input
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := reportFiles(p)
		if err != nil || len(found) == 0 {
			// Reported in place, as an input, so that messages follow the arguments' order.
			files = append(files, "\x00"+p)
			continue
		}
		files = append(files, found...)
	}
	type seen struct {
		path string
		info os.FileInfo
	}
	var earlier []seen
	for _, p := range files {
		if dir, ok := strings.CutPrefix(p, "\x00"); ok {
			_, err := reportFiles(dir)
			if err == nil {
				err = errors.New("the folder holds no .json or .csv files")
			}
			out = append(out, Input{Path: dir, Err: err})
			continue
		}
		in := Input{Path: p}
		info, statErr := os.Stat(p)
		abs, _ := filepath.Abs(p)
		for _, e := range earlier {
			a, _ := filepath.Abs(e.path)
			if a == abs || (statErr == nil && e.info != nil && os.SameFile(e.info, info)) {
				in.SameAs = e.path
				break
			}
		}
		earlier = append(earlier, seen{p, info})
		if in.SameAs == "" {
			in.Data, in.Err = readFile(p)
		}
		out = append(out, in)
	}
	return out
}

// readFile reads a file of at most MaxFileSize bytes.
func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, errors.New("cannot read the file: it is a folder")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", unwrapPath(err))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is larger than %d MB; a progress file is a few kilobytes", MaxFileSize>>20)
	}
	return data, nil
}

// unwrapPath drops the path from an *os.PathError: messages already start with it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// jsonFiles lists the *.json files directly in dir, sorted by name; names starting with a
// dot (temporary and hidden files) are left out.
func reportFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder: %w", unwrapPath(err))
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if strings.HasPrefix(name, ".") || (ext != ".json" && ext != ".csv") {
			continue
		}
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}
