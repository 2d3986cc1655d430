package sampledata

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"playbook/internal/golden"
	"playbook/site/diag"
	"playbook/site/worksheet/compute"
	"playbook/site/worksheet/worksheetfile"
)

// root is the repository root, seen from this package's folder.
const root = "../.."

// TestFilesAreGenerated checks that the committed CSV files are what the table gives
// (go test ./internal/sampledata -update rewrites them).
func TestFilesAreGenerated(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		golden.Check(t, filepath.Join(root, Files[lang]), CSV(lang))
	}
}

// sampleFile is one language's file as read back from disk.
type sampleFile struct {
	header []string
	rows   [][]string
}

// readSample reads a committed sample list and checks its form: a byte order mark, CRLF
// line ends, a header and 100 rows of 13 fields, none of them empty.
func readSample(t *testing.T, lang string) sampleFile {
	t.Helper()
	path := filepath.Join(root, Files[lang])
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		t.Errorf("%s does not start with a byte order mark", path)
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) || bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) {
		t.Errorf("%s does not end every line with CRLF", path)
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = 13
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) != 101 {
		t.Fatalf("%s has %d data rows, want 100", path, len(recs)-1)
	}
	for i, rec := range recs {
		for j, f := range rec {
			if strings.TrimSpace(f) == "" || strings.TrimSpace(f) != f {
				t.Errorf("%s line %d, column %d is %q: empty or padded", path, i+1, j+1, f)
			}
		}
	}
	return sampleFile{header: recs[0], rows: recs[1:]}
}

// numeric are the columns that hold whole numbers: the number, then money, orders, years
// and scores.
var numeric = []int{0, 4, 5, 6, 7, 8, 9, 10, 11, 12}

func TestSampleFiles(t *testing.T) {
	en, zh := readSample(t, "en"), readSample(t, "zh-CN")
	if want := []string{"No.", "Customer", "Type", "Region", "Annual sales (yuan)", "Gross profit (yuan)", "Service cost (yuan)",
		"Current profit (yuan)", "Orders per year", "Years as customer", "Credit standing (0-10)", "Loyalty (0-10)",
		"Growth potential (0-10)"}; !slices.Equal(en.header, want) {
		t.Errorf("the English header is %q, want %q", en.header, want)
	}
	if want := []string{"编号", "客户名称", "客户类型", "地区", "年销售额（元）", "毛利（元）", "服务成本（元）",
		"当前利润（元）", "年订单数", "合作年限（年）", "信用等级（0-10）", "忠诚度（0-10）", "增值潜力（0-10）"}; !slices.Equal(zh.header, want) {
		t.Errorf("the Chinese header is %q, want %q", zh.header, want)
	}

	// Translations are one to one: each English type and region always has the same Chinese
	// one, and no two names are alike.
	pairs := map[int]map[string]string{2: {}, 3: {}}
	seen := map[int]map[string]bool{2: {}, 3: {}}
	names := map[string]bool{}
	losses := 0
	for i := range en.rows {
		e, z := en.rows[i], zh.rows[i]
		line := i + 2
		nums := make([]int, len(e))
		for _, c := range numeric {
			if e[c] != z[c] {
				t.Errorf("line %d, column %d: %q in English, %q in Chinese", line, c+1, e[c], z[c])
			}
			n, err := strconv.Atoi(e[c])
			if err != nil {
				t.Errorf("line %d, %s: %q is not a whole number without separators", line, en.header[c], e[c])
			}
			nums[c] = n
		}
		if nums[0] != i+1 {
			t.Errorf("line %d has the number %d, want %d", line, nums[0], i+1)
		}
		if nums[7] != nums[5]-nums[6] {
			t.Errorf("line %d (%s): current profit %d, but gross profit %d − service cost %d = %d", line, e[1], nums[7], nums[5], nums[6], nums[5]-nums[6])
		}
		if nums[7] < 0 {
			losses++
		}
		if nums[4] <= 0 || nums[5] <= 0 || nums[5] >= nums[4] || nums[6] <= 0 || nums[8] < 1 || nums[9] < 1 {
			t.Errorf("line %d (%s): sales %d, gross profit %d, service cost %d, %d orders, %d years: not a plausible customer", line, e[1], nums[4], nums[5], nums[6], nums[8], nums[9])
		}
		for _, c := range []int{10, 11, 12} {
			if nums[c] < 0 || nums[c] > 10 {
				t.Errorf("line %d, %s: %d is outside 0-10", line, en.header[c], nums[c])
			}
		}
		if i > 0 {
			if prev, _ := strconv.Atoi(en.rows[i-1][9]); nums[9] > prev {
				t.Errorf("line %d: %d years as a customer, more than the %d of the line before (the oldest customers come first)", line, nums[9], prev)
			}
		}
		if !slices.Contains([]string{"Consumer", "Commercial", "Internal"}, e[2]) {
			t.Errorf("line %d: type %q", line, e[2])
		}
		for _, c := range []int{2, 3} {
			if got, ok := pairs[c][e[c]]; ok && got != z[c] {
				t.Errorf("line %d: %s %q is %q here and %q before", line, en.header[c], e[c], z[c], got)
			}
			pairs[c][e[c]] = z[c]
		}
		for _, n := range []string{e[1], z[1]} {
			if names[n] {
				t.Errorf("line %d: the name %q appears twice", line, n)
			}
			names[n] = true
		}
		if !strings.ContainsFunc(z[1], func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
			t.Errorf("line %d: the Chinese name %q has no Chinese character", line, z[1])
		}
	}
	for c, m := range pairs {
		for _, z := range m {
			if seen[c][z] {
				t.Errorf("two different %s share the Chinese %q", en.header[c], z)
			}
			seen[c][z] = true
		}
	}
	if len(pairs[2]) != 3 {
		t.Errorf("the list has %d customer types, want all 3", len(pairs[2]))
	}
	if losses < 3 || losses > 10 {
		t.Errorf("%d customers have a negative current profit, want a few (3-10)", losses)
	}
}

// TestSampleRanking ranks the annual sales with the bundled worksheets' own bands, by the
// rules the worksheet pages follow.
func TestSampleRanking(t *testing.T) {
	f := readSample(t, "en")
	rows := make([]compute.Row, len(f.rows))
	for i, r := range f.rows {
		v, _ := strconv.Atoi(r[4])
		rows[i] = compute.Row{Name: r[1], Value: float64(v)}
	}
	for _, c := range []struct {
		file   string
		counts []int
	}{
		{"value-tiers.yaml", []int{1, 4, 15, 80}},
		{"abc-classification.yaml", []int{19, 25, 56}},
	} {
		path := filepath.Join(root, "worksheets", c.file)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ds diag.List
		w := worksheetfile.Parse("worksheets/"+c.file, src, []string{"en", "zh-CN"}, &ds)
		if ds.HasErrors() || w == nil {
			t.Fatalf("%s: %v", path, ds)
		}
		counts := make([]int, len(w.Bands))
		for _, r := range compute.Rank(w, rows) {
			counts[r.Band]++
		}
		if !slices.Equal(counts, c.counts) {
			t.Errorf("%s: the sample list gives the bands %v, want %v", c.file, counts, c.counts)
		}
	}
	// The value tiers split cleanly: no equal values at all.
	sales := make([]float64, len(rows))
	for i, r := range rows {
		sales[i] = r.Value
	}
	slices.Sort(sales)
	if len(slices.Compact(slices.Clone(sales))) != len(sales) {
		t.Error("two customers have the same annual sales")
	}
	// The skew: the top customer brings 10-25% of sales, the top 20 customers 70-90%.
	total, top20 := 0.0, 0.0
	for i, v := range slices.Backward(sales) {
		total += v
		if i >= len(sales)-20 {
			top20 += v
		}
	}
	if s := sales[len(sales)-1] / total; s < 0.10 || s > 0.25 || math.IsNaN(s) {
		t.Errorf("the top customer brings %.1f%% of sales", s*100)
	}
	if s := top20 / total; s < 0.70 || s > 0.90 {
		t.Errorf("the top 20 customers bring %.1f%% of sales", s*100)
	}
}
