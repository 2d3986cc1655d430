package moodle

import "testing"

func TestGIFTEscape(t *testing.T) {
	tests := map[string]string{
		`plain text`:      `plain text`,
		`a~b=c#d{e}f:g\h`: `a\~b\=c\#d\{e\}f\:g\\h`,
		"two\nlines\r\n":  `two\nlines`,
		"  trimmed  ":     `trimmed`,
		`中文：全角冒号不转义`:      `中文：全角冒号不转义`,
	}
	for in, want := range tests {
		if got := giftEscape(in); got != want {
			t.Errorf("giftEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoodleWeight(t *testing.T) {
	for in, want := range map[float64]string{100: "100", 50: "50", 100.0 / 3: "33.33333", -100.0 / 3: "-33.33333", 100.0 / 7: "14.28571"} {
		if got := moodleWeight(in); got != want {
			t.Errorf("moodleWeight(%v) = %q, want %q", in, got, want)
		}
	}
}
