package pipeline

import "testing"

func TestChoosePacks(t *testing.T) {
	packs := []Entry{{Lang: "en", Day: 1}, {Lang: "en", Day: 2}, {Lang: "zh-CN", Day: 1}}
	if got, err := ChoosePacks(packs, "", 1); err != nil || len(got) != 2 {
		t.Errorf("day 1 of every language: %v, %v", got, err)
	}
	if got, err := ChoosePacks(packs, "en", 0); err != nil || len(got) != 2 {
		t.Errorf("every day in en: %v, %v", got, err)
	}
	if _, err := ChoosePacks(packs, "en", 3); err == nil || err.Error() != "the course has no day 3 (its days are 1, 2)" {
		t.Errorf("day 3: %v", err)
	}
	if _, err := ChoosePacks(packs, "fr", 0); err == nil || err.Error() != `the course has no language "fr" (it has en, zh-CN)` {
		t.Errorf("fr: %v", err)
	}
	if got := (Entry{Lang: "en", Day: 3, Trainer: true}).PackPDF(); got != "en/day-03-trainer.pdf" {
		t.Errorf("PackPDF = %q", got)
	}
}
