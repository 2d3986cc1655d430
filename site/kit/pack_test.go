package kit

import "testing"

func TestRebase(t *testing.T) {
	from, to := "en/day-02-x/lesson.html", "en/packs/day-02.html"
	tests := []struct{ in, want string }{
		{`<a href="other.html#part">`, `<a href="../day-02-x/other.html#part">`},
		{`<a href="#confidentiality">`, `<a href="../day-02-x/lesson.html#confidentiality">`},
		{`<a href="../quizzes/q.html">`, `<a href="../quizzes/q.html">`},
		{`<img src="../../img/a.png" alt="">`, `<img src="../../img/a.png" alt="">`},
		{`<a href="https://example.org/a">`, `<a href="https://example.org/a">`},
		{`<a href="mailto:a@example.org">`, `<a href="mailto:a@example.org">`},
		{`<a href="other.html?x=1&amp;y=2">`, `<a href="../day-02-x/other.html?x=1&amp;y=2">`},
		{`<p>href="plain text"</p>`, `<p>href="plain text"</p>`},
	}
	for _, tt := range tests {
		if got := string(rebase([]byte(tt.in), from, to)); got != tt.want {
			t.Errorf("rebase(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
