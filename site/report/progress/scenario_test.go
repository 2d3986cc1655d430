package progress

import (
	"strings"
	"testing"
	"time"
)

// withScenarios is a valid file whose "scenarios" is the given JSON.
func withScenarios(scenarios string) []byte {
	return []byte(`{"format": "playbook-progress", "version": 1, "site": "s", "quizzes": {},
"scenarios": ` + scenarios + `}`)
}

const goodRun = `{"date": "2026-11-25T10:00:00.000Z", "version": "abc", "end": "won", "outcome": "recovered",
  "points": 7, "max": 7, "percent": 100, "path": ["opening/listen", "facts/a", "offer/a"]}`

func TestParseScenarios(t *testing.T) {
	p, err := Parse(withScenarios(`{"double-charge": {"version": "abc", "attempts": 2, "best": ` + goodRun + `,
  "last": ` + goodRun + `, "ends": {"won": 1, "lost": 1}, "picks": {"opening/listen": 2}, "extra": true}}`))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Scenarios["double-charge"]
	if e == nil || e.Version != "abc" || e.Attempts != 2 || e.Ends["lost"] != 1 || e.Picks["opening/listen"] != 2 || e.Line != 2 || e.Col != 32 {
		t.Fatalf("entry: %+v", e)
	}
	b := e.Best
	if b == nil || !b.Date.Equal(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)) || b.End != "won" || b.Outcome != "recovered" ||
		b.Points != 7 || b.Max != 7 || b.Percent != 100 || strings.Join(b.Path, " ") != "opening/listen facts/a offer/a" {
		t.Errorf("best: %+v", b)
	}
	p, err = Parse([]byte(`{"format": "playbook-progress", "version": 1, "site": "s", "quizzes": {}}`))
	if err != nil || p.Scenarios == nil || len(p.Scenarios) != 0 {
		t.Errorf("a file without scenarios: %v, %v", p, err)
	}
	p, err = Parse(withScenarios(`{"x": {"version": "", "attempts": 0, "ends": {}, "picks": {}}}`))
	if err != nil || p.Scenarios["x"].Best != nil || p.Scenarios["x"].Last != nil {
		t.Errorf("best and last missing mean none: %v, %v", p, err)
	}
}

// TestParseBadScenarios checks that every rule of a scenario entry refuses a file, at the
// position of the value.
func TestParseBadScenarios(t *testing.T) {
	entry := func(field, value string) string {
		fields := map[string]string{"version": `"abc"`, "attempts": "1", "best": "null", "last": goodRun, "ends": `{"won": 1}`, "picks": `{"a/b": 1}`}
		var b strings.Builder
		b.WriteString(`{"x": {`)
		for i, k := range []string{"version", "attempts", "best", "last", "ends", "picks"} {
			v := fields[k]
			if k == field {
				v = value
			}
			if v == "" {
				continue
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`"` + k + `": ` + v)
		}
		b.WriteString("}}")
		return strings.Replace(b.String(), "{, ", "{", 1)
	}
	run := func(field, value string) string {
		return strings.Replace(goodRun, `"`+field+`": `, `"`+field+`": `+value+`, "was_`+field+`": `, 1)
	}
	tests := []struct{ scenarios, want string }{
		{`[]`, `2:14: scenarios must be an object, not a list`},
		{`null`, `2:14: scenarios must be an object, not null`},
		{`{"__proto__": {}}`, `2:28: scenarios has the key "__proto__", which is not allowed`},
		{`{"": {}}`, `2:19: scenarios has the key "", which is not allowed`},
		{`{"x": 1}`, `2:20: scenarios["x"] must be an object, not 1`},
		{entry("version", ""), `2:20: scenarios["x"].version is missing`},
		{entry("version", "1"), `2:32: scenarios["x"].version must be a string, not 1`},
		{entry("attempts", "-1"), `scenarios["x"].attempts must be a whole number, 0 or more, not -1`},
		{entry("attempts", "9007199254740992"), `scenarios["x"].attempts must be a whole number`},
		{entry("best", "false"), `scenarios["x"].best must be an object or null, not false`},
		{entry("last", "[]"), `scenarios["x"].last must be an object or null, not a list`},
		{entry("ends", ""), `scenarios["x"].ends is missing`},
		{entry("ends", "[]"), `scenarios["x"].ends must be an object, not a list`},
		{entry("ends", `{"won": 1.5}`), `scenarios["x"].ends["won"] must be a whole number, 0 or more, not 1.5`},
		{entry("ends", `{"__proto__": 1}`), `scenarios["x"].ends has the key "__proto__", which is not allowed`},
		{entry("picks", ""), `scenarios["x"].picks is missing`},
		{entry("picks", `{"": 1}`), `scenarios["x"].picks has the key "", which is not allowed`},
		{entry("picks", `{"a/b": "1"}`), `scenarios["x"].picks["a/b"] must be a whole number, 0 or more, not "1"`},
		{entry("last", run("date", `"2026-02-30"`)), `scenarios["x"].last.date "2026-02-30" is not a date`},
		{entry("last", run("version", "null")), `scenarios["x"].last.version must be a string, not null`},
		{entry("last", run("end", "1")), `scenarios["x"].last.end must be a string, not 1`},
		{entry("last", run("outcome", "true")), `scenarios["x"].last.outcome must be a string, not true`},
		{entry("last", run("points", `"7"`)), `scenarios["x"].last.points must be a finite number, not "7"`},
		{entry("last", run("max", "1e999")), `scenarios["x"].last.max must be a finite number`},
		{entry("last", run("percent", "null")), `scenarios["x"].last.percent must be a finite number, not null`},
		{entry("last", run("path", `"a/b"`)), `scenarios["x"].last.path must be a list of strings, not "a/b"`},
		{entry("last", run("path", `[1]`)), `scenarios["x"].last.path must be a list of strings; it holds 1`},
		{entry("last", `{"date": "2026-11-25"}`), `scenarios["x"].last.version is missing`},
	}
	for _, tt := range tests {
		_, err := Parse(withScenarios(tt.scenarios))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s:\n got %v\nwant %s", tt.scenarios, err, tt.want)
		}
	}
}
