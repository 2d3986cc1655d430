package output

import (
	"os"
	"path/filepath"
	"strings"
)

// File is a single file to write: a report, an export.
type File struct {
	Path string
	Data []byte
}

// WriteFile writes data beside path and renames it into place, so that a failure leaves the
// previous file as it was.
func WriteFile(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// WriteFiles writes every file beside its place first, then renames them all into place, so
// that a failure leaves the previous files as they were.
func WriteFiles(files []File) error {
	tmps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		tmp, err := writeTemp(f.Path, f.Data)
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.Path); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new hidden file beside path and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// Covers reports whether writing the folder dir would replace the folder src: dir is src or
// holds it.
func Covers(dir, src string) bool {
	s, err1 := filepath.Abs(src)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	return s == d || strings.HasPrefix(s+string(filepath.Separator), d+string(filepath.Separator))
}
