package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"

	"playbook/internal/corpus"
	"playbook/site/output"
)

// Benchmarks build generated courses of 1,000 and 10,000 lessons (~5 KB of Markdown each,
// half English, half Chinese, with headings, lists, tables, links and trainer notes):
//
//	go test ./site/pipeline -run '^$' -bench Build -benchtime 3x -count 6 | tee new.txt
//	benchstat old.txt new.txt

func benchmarkBuild(b *testing.B, fsys fstest.MapFS) {
	b.ReportAllocs()
	b.ResetTimer()
	var pages int
	for i := 0; i < b.N; i++ {
		res := Build(fsys, Options{Edition: Trainer})
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags[:min(5, len(res.Diags))])
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	reportPeak(b)
}

// reportPeak reports the process's peak resident memory, in MB.
func reportPeak(b *testing.B) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("lessons=%d", n), func(b *testing.B) { benchmarkBuild(b, corpus.Generate(n)) })
	}
	// The same without the search index, to see what indexing costs.
	b.Run("lessons=10000/search=off", func(b *testing.B) {
		fsys := corpus.Generate(10000)
		cfg := fsys["playbook.yaml"]
		fsys["playbook.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, cfg.Data...), "features: {search: false}\n"...)}
		benchmarkBuild(b, fsys)
	})
}

// BenchmarkBuildFromDisk is the whole command: read a 10,000-lesson course from disk,
// build, and write the site atomically.
func BenchmarkBuildFromDisk(b *testing.B) {
	src := b.TempDir()
	if err := corpus.Write(corpus.Generate(10000), src); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	b.ResetTimer()
	var pages int
	for i := 0; i < b.N; i++ {
		res := Build(os.DirFS(src), Options{})
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags[:min(5, len(res.Diags))])
		}
		if err := output.Write(res.Site, out); err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	reportPeak(b)
}

// TestGeneratedCourseIsValid keeps the benchmark corpus honest: it must build without errors
// and its lessons must be about 5 KB.
func TestGeneratedCourseIsValid(t *testing.T) {
	fsys := corpus.Generate(40)
	res := Build(fsys, Options{Edition: Trainer})
	if len(res.Diags) > 0 {
		t.Fatal(res.Diags[:min(5, len(res.Diags))])
	}
	if want := 40 + 40 + 20 + 2 + 2 + 20 + 20 + 2 + 2; res.Pages != want {
		t.Errorf("pages = %d, want %d (40 lessons and their slides, 20 day pages, 2 home pages, 2 search pages, 20 participant packs, 20 trainer packs, 2 schedules, 2 pages of evaluation forms)", res.Pages, want)
	}
	size := len(fsys["content/zh-CN/day-01-topic/0001-lesson-1.md"].Data)
	if size < 4500 || size > 7000 {
		t.Errorf("a generated lesson is %d bytes, want about 5 KB", size)
	}
}

// BenchmarkRebuildOneLesson is the live preview's work after a save: one lesson's body
// changes, and the build goes through the cache of the previous build.
func BenchmarkRebuildOneLesson(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("lessons=%d", n), func(b *testing.B) {
			fsys := corpus.Generate(n)
			cache := NewCache()
			if res := Build(fsys, Options{Edition: Trainer, Cache: cache}); res.Diags.HasErrors() {
				b.Fatal(res.Diags[:1])
			}
			target := "content/en/day-03-topic/0002-lesson-2.md"
			base := fsys[target].Data
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				fsys[target] = &fstest.MapFile{Data: append(append([]byte{}, base...), fmt.Sprintf("\nEdit %d.\n", i)...)}
				if res := Build(fsys, Options{Edition: Trainer, Cache: cache}); res.Diags.HasErrors() {
					b.Fatal(res.Diags[:1])
				}
			}
		})
	}
}

// BenchmarkSearchIndex is the search index alone, from the documents of a built course to
// the index files of both languages.
func BenchmarkSearchIndex(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("lessons=%d", n), func(b *testing.B) {
			res := Build(corpus.Generate(n), Options{Edition: Trainer, DeferSearchIndex: true})
			if res.Diags.HasErrors() {
				b.Fatal(res.Diags[:1])
			}
			b.ReportAllocs()
			b.ResetTimer()
			var bytes int
			for i := 0; i < b.N; i++ {
				bytes = 0
				for _, data := range res.SearchIndex() {
					bytes += len(data)
				}
			}
			b.ReportMetric(float64(bytes)/1e6, "index-MB")
		})
	}
}
