package e2e

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The course rule on sources: "Write it in your own words: facts, figures, lists and frameworks
// carry over from the source documents, sentences do not." TestOriginality enforces the second
// half for the Chinese text: no run of originalityMinRun or more consecutive Han characters of a
// course file may also occur in the Simplified Chinese seeds, unless the allow list names it.

// seedsDir holds the source documents, seen from this package's folder.
const seedsDir = "../../shared/seeds"

// originalitySeeds are the number prefixes of the seeds checked. Seeds 000 and 001 are
// Traditional Chinese: the course's Simplified text cannot copy them character for character.
var originalitySeeds = []string{"002", "003", "004"}

// originalityMinRun is the shortest run of shared Han characters reported.
const originalityMinRun = 16

// originalityAllowList lists runs that are allowed because they are lists of names (framework
// items, terms) run together once the punctuation is stripped, or a saying the lesson presents
// as a quotation of the source: one phrase per line, "#" starts a comment.
const originalityAllowList = "testdata/seed-phrases-allowed.txt"

func TestOriginality(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("no seeds folder %s (%v): originality not checked", seedsDir, err)
	}
	seeds := newSeedIndex(readSeedHan(t), originalityMinRun)
	allowed := readAllowList(t)

	files := originalityFiles(t)
	if len(files) == 0 {
		t.Fatal("no Chinese course files found")
	}
	used := make([]bool, len(allowed))
	hits := 0
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join(repoRoot, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, run := range seeds.sharedRuns(hanOnly(string(data))) {
			if i := allowedBy(run, allowed); i >= 0 {
				used[i] = true
				continue
			}
			hits++
			t.Errorf("%s: %d Han characters also in the seeds: %s\n"+
				"\trewrite the sentence in your own words, or, if it is a list of names "+
				"(framework items, terms), add it to e2e/%s",
				file, len([]rune(run)), run, originalityAllowList)
		}
	}
	for i, phrase := range allowed {
		if !used[i] {
			t.Logf("allow list entry no longer needed: %s", phrase)
		}
	}
	if hits > 0 {
		t.Logf("%d runs of %d or more Han characters copied from the seeds", hits, originalityMinRun)
	}
}

// readSeedHan returns the Han characters of the checked seeds, the seeds separated by a
// newline so that no run spans two of them.
func readSeedHan(t *testing.T) string {
	t.Helper()
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	found := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") {
			continue
		}
		if !slices.ContainsFunc(originalitySeeds, func(p string) bool { return strings.HasPrefix(name, p+"_") }) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(hanOnly(string(data)))
		b.WriteByte('\n')
		found++
	}
	if found != len(originalitySeeds) {
		t.Fatalf("found %d of the seeds %v in %s", found, originalitySeeds, seedsDir)
	}
	return b.String()
}

// readAllowList returns the Han characters of each phrase of the allow list.
func readAllowList(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(originalityAllowList)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		t.Fatal(err)
	}
	defer f.Close()
	var phrases []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if p := hanOnly(line); p != "" {
			phrases = append(phrases, p)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return phrases
}

// originalityFiles lists the Chinese course files, slash paths relative to repoRoot.
func originalityFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	root := os.DirFS(repoRoot)
	err := fs.WalkDir(root, "content/zh-CN", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"quizzes/*.yaml", "checklists/*.yaml", "worksheets/*.yaml"} {
		m, err := fs.Glob(root, pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	return files
}

// isHan reports whether r is a CJK Unified Ideograph of the basic block.
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// hanOnly keeps the Han characters of s, in order.
func hanOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isHan(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// seedIndex finds the runs of a text that also occur in the seeds.
type seedIndex struct {
	seeds  string
	minRun int
	// grams holds every minRun-character run of the seeds, so that most starts are rejected
	// by one map look-up.
	grams map[string]struct{}
}

func newSeedIndex(seeds string, minRun int) *seedIndex {
	ix := &seedIndex{seeds: seeds, minRun: minRun, grams: make(map[string]struct{})}
	sr := []rune(seeds)
	for i := 0; i+minRun <= len(sr); i++ {
		g := string(sr[i : i+minRun])
		if !strings.ContainsRune(g, '\n') {
			ix.grams[g] = struct{}{}
		}
	}
	return ix
}

// sharedRuns returns the maximal runs of at least minRun characters of text that also occur in
// the seeds: for each start, the longest run found there, unless it ends inside the run before it.
func (ix *seedIndex) sharedRuns(text string) []string {
	rs := []rune(text)
	var runs []string
	prevEnd := 0
	for i := 0; i+ix.minRun <= len(rs); i++ {
		if _, ok := ix.grams[string(rs[i:i+ix.minRun])]; !ok {
			continue
		}
		end := i + ix.minRun
		for end < len(rs) && strings.Contains(ix.seeds, string(rs[i:end+1])) {
			end++
		}
		if end > prevEnd {
			runs = append(runs, string(rs[i:end]))
			prevEnd = end
		}
	}
	return runs
}

// allowedBy returns the index of the allow-list phrase that contains run, or -1.
func allowedBy(run string, allowed []string) int {
	for i, p := range allowed {
		if strings.Contains(p, run) {
			return i
		}
	}
	return -1
}
