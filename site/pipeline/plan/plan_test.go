package plan

import "testing"

func TestRelURL(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "en/index.html", "en/index.html"},
		{"en/index.html", "en/day-01/index.html", "day-01/index.html"},
		{"en/day-01/a.html", "en/index.html", "../index.html"},
		{"en/day-01/a.html", "zh-CN/day-01/a.html", "../../zh-CN/day-01/a.html"},
		{"en/day-01/a.html", "en/day-01/b.html", "b.html"},
		{"en/day-01/a.html", "assets/playbook.css", "../../assets/playbook.css"},
	}
	for _, tt := range tests {
		if got := RelURL(tt.from, tt.to); got != tt.want {
			t.Errorf("RelURL(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
