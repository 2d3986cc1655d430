// Package reportview writes the class report (package report) out: as one self-contained
// HTML page, with the team checklists' sections (package teamview) in it, or as CSV files.
package reportview

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"playbook/site/quiz"
	"playbook/site/report"
	"playbook/site/report/collect"
	"playbook/site/report/team/teamview"
	"playbook/site/scenario/graph"
	"playbook/site/theme"
)

//go:embed report.html
var pageTemplate string

//go:embed report.css
var reportStyle string

// pageStyle is the report's one stylesheet: its own and the team checklists'.
var pageStyle = reportStyle + teamview.Style()

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).Parse(pageTemplate))

// StyleHash is the Content-Security-Policy source of the report's one inline stylesheet.
func StyleHash() string {
	sum := sha256.Sum256([]byte(pageStyle))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// CSP is the report's Content-Security-Policy: nothing may load, no script may run; only
// the page's own stylesheet applies.
func CSP() string {
	return "default-src 'none'; style-src " + StyleHash() + "; base-uri 'none'; form-action 'none'"
}

// HTML renders the report r as one self-contained page: no script, nothing loaded from
// anywhere, every text from the files and the course escaped by html/template.
func HTML(r *report.Report) ([]byte, error) {
	th, err := theme.Load()
	if err != nil {
		return nil, fmt.Errorf("the embedded theme is broken: %w", err)
	}
	var buf bytes.Buffer
	v := htmlView{Report: r, CSP: CSP(), Style: template.CSS(pageStyle), theme: th}
	if v.TeamSections, v.TeamFiles, err = teamview.HTML(r.Team, r.Lang, th); err != nil {
		return nil, err
	}
	if err := page.Execute(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// htmlView is the report with what its template needs to word it.
type htmlView struct {
	*report.Report
	CSP   string
	Style template.CSS
	// TeamSections and TeamFiles are the team checklists' sections and their files section.
	TeamSections, TeamFiles template.HTML
	theme                   *theme.Theme
}

// T returns an interface string in the report's language.
func (v htmlView) T(key string) string { return v.theme.String(v.Lang, key) }

// Tf formats an interface string in the report's language.
func (v htmlView) Tf(key string, args ...any) string { return fmt.Sprintf(v.T(key), args...) }

// Pct formats a percentage: "83.3%".
func (v htmlView) Pct(x float64) string { return num(x) + "%" }

// Num formats points to at most two decimals: 2.83, 1, 0.5.
func (v htmlView) Num(x float64) string { return num(math.Round(x*100) / 100) }

// Date formats a time in UTC to the minute, or "" for none.
func (v htmlView) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04") + " UTC"
}

// StatusText words a learner's status in a quiz.
func (v htmlView) StatusText(s report.Status) string {
	return v.T("report_" + strings.ToLower(string(s)))
}

// KindText words what happened to a file.
func (v htmlView) KindText(k collect.Kind) string { return v.T(kindKey(k)) }

// kindKey is the name of a kind's label in the strings table.
func kindKey(k collect.Kind) string {
	return [...]string{"report_kind_unreadable", "report_kind_malformed", "report_kind_foreign",
		"report_kind_duplicate", "report_kind_inconsistent", "report_kind_removed"}[k]
}

// OutcomeText words the outcome of a scenario's end with the role-play page's words.
func (v htmlView) OutcomeText(o graph.Outcome) string { return v.T("sc_outcome_" + string(o)) }

// ModeText words a quiz mode with the theme's words.
func (v htmlView) ModeText(m quiz.Mode) string {
	if m == quiz.Exam {
		return v.T("exam")
	}
	return v.T("self_check")
}
