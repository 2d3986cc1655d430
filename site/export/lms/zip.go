package lms

import (
	"archive/zip"
	"bytes"
	"slices"
	"time"
)

// zipTime is the time of every file in a package, so that the same course gives the same
// bytes (a package's date is the LMS's to keep).
var zipTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Zip returns a zip archive of files (slash paths to contents), in path order, compressed,
// with fixed times.
func Zip(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(files[n]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
