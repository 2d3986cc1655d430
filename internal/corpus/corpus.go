// Package corpus generates large courses for benchmarks: realistic Markdown with headings,
// lists, tables, links and trainer notes, in English and Chinese, always the same for the
// same size.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

var enWords = strings.Fields("customer relationship management value tier platinum gold iron lead prospect account loyalty complaint service survey card cadence visit call order profit cost share retention churn lifecycle stage interest purchase repurchase")

var zhWords = []string{"客户", "关系", "管理", "价值", "白金", "黄金", "铁质", "铅质", "潜在客户", "大客户", "忠诚度", "投诉", "服务", "调查", "客户卡", "拜访", "电话", "订单", "利润", "成本", "份额", "保留", "流失", "生命周期", "阶段", "兴趣", "购买", "重复购买"}

// Generate returns an in-memory course of n lessons, half English, half Chinese, in ten
// days, about 5 KB of Markdown each with headings, lists, tables, links and trainer notes.
func Generate(n int) fstest.MapFS {
	rng := rand.New(rand.NewSource(1))
	fsys := fstest.MapFS{
		"playbook.yaml": {Data: []byte("title: {en: Bench, zh-CN: 基准}\nlanguages: [en, zh-CN]\nbase_url: https://example.org/\n")},
	}
	perLang := n / 2
	perDay := (perLang + 9) / 10
	for _, lang := range []string{"en", "zh-CN"} {
		for day := 1; day <= 10; day++ {
			dir := fmt.Sprintf("content/%s/day-%02d-topic", lang, day)
			fsys[dir+"/_index.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Day %d\nsummary: Theme %d\n---\nIntro.\n", day, day))}
			for i := 1; i <= perDay && (day-1)*perDay+i <= perLang; i++ {
				fsys[fmt.Sprintf("%s/%04d-lesson-%d.md", dir, i, i)] = &fstest.MapFile{Data: lessonText(rng, lang, i, perDay)}
			}
		}
	}
	return fsys
}

func lessonText(rng *rand.Rand, lang string, i, perDay int) []byte {
	words := enWords
	sep := " "
	if lang == "zh-CN" {
		words, sep = zhWords, ""
	}
	sentence := func(n int) string {
		parts := make([]string, n)
		for k := range parts {
			parts[k] = words[rng.Intn(len(words))]
		}
		return strings.Join(parts, sep) + "."
	}
	var b strings.Builder
	sections := 0
	for s := 1; b.Len() < 4700; s++ {
		sections++
		fmt.Fprintf(&b, "## Section %d {minutes=10}\n\n%s\n\n", s, sentence(3))
		for p := 0; p < 2; p++ {
			fmt.Fprintf(&b, "%s **%s** %s\n%s\n\n", sentence(12), words[rng.Intn(len(words))], sentence(10), sentence(9))
		}
		fmt.Fprintf(&b, "- %s\n- %s\n- [ ] %s\n\n", sentence(6), sentence(5), sentence(4))
		fmt.Fprintf(&b, "| Tier | Share | Note |\n|---|---:|---|\n| %s | 1%% | %s |\n| %s | 4%% | %s |\n\n", words[0], sentence(3), words[1], sentence(3))
		next := i%perDay + 1
		fmt.Fprintf(&b, "See [the next lesson](%04d-lesson-%d.md#section-1) and [day one](../day-01-topic/_index.md).\n\n", next, next)
		fmt.Fprintf(&b, "::: trainer\n%s\n:::\n\n", sentence(15))
	}
	front := fmt.Sprintf("---\ntitle: Lesson %d %s\nsummary: %s\nduration: %d\nobjectives:\n  - %s\n  - %s\n---\n\n", i, words[i%len(words)], sentence(8), sections*10, sentence(5), sentence(6))
	return []byte(front + b.String())
}

// Write puts a generated course on disk under dir.
func Write(fsys fstest.MapFS, dir string) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
