package e2e

import (
	"encoding/json"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"playbook/site/pipeline"
)

var (
	questionItem = regexp.MustCompile(`(?s)<li class="question" id="q-([^"]+)" data-question="[^"]+">(.*?)</fieldset>`)
	choiceInput  = regexp.MustCompile(`<input type="(?:radio|checkbox)" name="[^"]+" value="([^"]+)"> <span class="choice-text">(.*?)</span>`)
	pageData     = regexp.MustCompile(`(?s)<script type="application/json" id="pb-data">(.*?)</script>`)
)

// shownOptions reads the options of every single and multiple question of a built page (a
// quiz page or a pack), in the order printed: question id -> option ids, and option texts.
func shownOptions(page string) (ids, texts map[string][]string) {
	ids, texts = map[string][]string{}, map[string][]string{}
	for _, q := range questionItem.FindAllStringSubmatch(page, -1) {
		for _, o := range choiceInput.FindAllStringSubmatch(q[2], -1) {
			if o[1] == "true" || o[1] == "false" {
				continue
			}
			ids[q[1]] = append(ids[q[1]], o[1])
			texts[q[1]] = append(texts[q[1]], html.UnescapeString(o[2]))
		}
	}
	return ids, texts
}

// TestKeysSpreadOverPositions reads every built quiz page of the bundled course (trainer
// edition, which carries every key) and checks that the right option of single-choice
// questions is spread over the positions as a fair draw would spread it: no position holds
// more than half of the keys of the course, and a chi-square test against the share each
// position would get by chance (1/n for a question of n options) stays under the 0.1% level.
// That the order is not a function of the key is tested where it is made
// (site/quiz TestArrangementIgnoresTheKey: moving the key in the file moves no other option).
// The learner edition's pages and printed packs must show the same order, and so must the
// search index's text of each question.
func TestKeysSpreadOverPositions(t *testing.T) {
	trainer := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{Edition: pipeline.Trainer})
	learner := pipeline.Build(os.DirFS(repoRoot), pipeline.Options{Edition: pipeline.Learner})
	if trainer.Diags.HasErrors() || learner.Diags.HasErrors() {
		t.Fatal(trainer.Diags, learner.Diags)
	}
	var observed, expected [8]float64
	singles := 0
	for _, p := range trainer.Site.Paths() {
		if !strings.Contains(p, "/quizzes/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := trainer.Site.Get(p)
		page := string(data)
		var d struct {
			Quiz      string `json:"quiz"`
			Questions []struct {
				ID     string          `json:"id"`
				Type   string          `json:"type"`
				Answer json.RawMessage `json:"answer"`
			} `json:"questions"`
		}
		m := pageData.FindStringSubmatch(page)
		if m == nil || json.Unmarshal([]byte(html.UnescapeString(m[1])), &d) != nil {
			t.Fatalf("%s: no page data", p)
		}
		ids, texts := shownOptions(page)
		for _, x := range d.Questions {
			if x.Type != "single" {
				continue
			}
			var key []string
			if err := json.Unmarshal(x.Answer, &key); err != nil || len(key) != 1 {
				t.Fatalf("%s %s: key %s", p, x.ID, x.Answer)
			}
			at := slices.Index(ids[x.ID], key[0])
			if at < 0 {
				t.Fatalf("%s %s: the key %s is not among the options %v", p, x.ID, key[0], ids[x.ID])
			}
			observed[at]++
			for i := range ids[x.ID] {
				expected[i] += 1 / float64(len(ids[x.ID]))
			}
			singles++
		}
		// The learner edition shows the same options in the same order, under the same ids.
		lp, ok := learner.Site.Get(p)
		if !ok {
			t.Fatalf("%s: not in the learner edition", p)
		}
		lids, ltexts := shownOptions(string(lp))
		for q := range ids {
			if !slices.Equal(ids[q], lids[q]) || !slices.Equal(texts[q], ltexts[q]) {
				t.Errorf("%s %s: the learner's page shows %v, the trainer's %v", p, q, ltexts[q], texts[q])
			}
		}
	}
	if singles < 100 {
		t.Fatalf("only %d single-choice questions found: the page markup changed?", singles)
	}
	chi, df := 0.0, -1
	for i := range observed {
		if expected[i] >= 5 {
			chi += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i]
			df++
		}
		if observed[i] > float64(singles)/2 {
			t.Errorf("position %d holds %v of %d keys", i+1, observed[i], singles)
		}
	}
	critical := map[int]float64{1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47}[df]
	t.Logf("keys per position %v of %d single-choice questions (expected %v), chi-square %.2f, %d df", observed[:4], singles, expected[:4], chi, df)
	if chi > critical {
		t.Errorf("keys per position %v (expected %v): chi-square %.1f over %.2f", observed[:4], expected[:4], chi, critical)
	}

	// The printed packs list every question's options in the page's order.
	orders := map[string][][]string{} // question id -> the option texts of every quiz page that has it
	for _, p := range trainer.Site.Paths() {
		if strings.Contains(p, "/quizzes/") {
			data, _ := trainer.Site.Get(p)
			_, texts := shownOptions(string(data))
			for q, o := range texts {
				orders[q] = append(orders[q], o)
			}
		}
	}
	packs := 0
	for _, p := range learner.Site.Paths() {
		if !strings.Contains(p, "/packs/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := learner.Site.Get(p)
		_, ptexts := shownOptions(string(data))
		for q, want := range ptexts {
			packs++
			if !slices.ContainsFunc(orders[q], func(o []string) bool { return slices.Equal(o, want) }) {
				t.Errorf("%s: question %s prints its options as %v, in no quiz page's order", p, q, want)
			}
		}
	}
	if packs == 0 {
		t.Error("no pack prints a choice question")
	}
}
