package reportview

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"playbook/site/report"
	"playbook/site/report/roleplay"
)

// LearnerColumns returns the columns of the learners CSV file: one row per learner and quiz of
// the course, learners sorted by class code (empty when the files give none), then by name,
// quizzes in course order. passed is "yes", "no", or
// empty when no attempt was scored; best_percent is empty then too; current_version is
// "no" when the learner last worked with an earlier version of the quiz, empty when the
// quiz was not started; entry_skipped is "yes" when a file's entry of the quiz was left
// out as inconsistent; graded is "yes" when best_percent is this report's grading of an
// exam attempt its page could not score.
func LearnerColumns() []string {
	return []string{"learner", "class", "quiz_id", "quiz_title", "day", "mode", "attempts", "best_percent", "passed", "last_attempt_utc", "current_version", "entry_skipped", "graded"}
}

// QuestionColumns returns the columns of the questions CSV file: one row per scored question,
// quizzes in course order. right, partly and wrong count learners by the result of their
// last scored attempt; percent_right is right in percent of those learners (empty when
// none); the total_ columns add up every scored attempt.
func QuestionColumns() []string {
	return []string{"quiz_id", "quiz_title", "day", "number", "question_id", "type", "prompt", "right", "partly", "wrong", "percent_right", "total_right", "total_partly", "total_wrong"}
}

// CSV renders the report as two CSV files (RFC 4180, UTF-8 with a byte order mark so that
// spreadsheet programs read Chinese right, CRLF line ends): the learners file and the
// questions file of the report r.
func CSV(r *report.Report) (learners, questions []byte, err error) {
	rows := [][]string{LearnerColumns()}
	for _, l := range r.Learners {
		for _, lq := range l.Quizzes {
			row := []string{cell(l.Name), cell(l.Class), lq.Quiz.ID, cell(lq.Quiz.Title), strconv.Itoa(lq.Quiz.Day), string(lq.Quiz.Mode), strconv.Itoa(lq.Attempts), "", "", "", "", yesNo(lq.EntrySkipped), yesNo(lq.Graded)}
			switch lq.Status {
			case report.Passed:
				row[7], row[8] = num(lq.Best), "yes"
			case report.Failed:
				row[7], row[8] = num(lq.Best), "no"
			}
			if lq.Status != report.NotStarted {
				row[9] = csvTime(lq.LastDate)
				row[10] = yesNo(!lq.EarlierVersion)
			}
			rows = append(rows, row)
		}
	}
	if learners, err = writeCSV(rows); err != nil {
		return nil, nil, err
	}
	rows = [][]string{QuestionColumns()}
	for _, qs := range r.Quizzes {
		for _, x := range qs.Questions {
			pct := ""
			if x.Learners() > 0 {
				pct = num(x.PercentRight())
			}
			rows = append(rows, []string{qs.ID, cell(qs.Title), strconv.Itoa(qs.Day), strconv.Itoa(x.Number), x.ID, string(x.Type), cell(x.Prompt),
				strconv.Itoa(x.Right), strconv.Itoa(x.Partly), strconv.Itoa(x.Wrong), pct,
				strconv.Itoa(x.TotalRight), strconv.Itoa(x.TotalPartly), strconv.Itoa(x.TotalWrong)})
		}
	}
	questions, err = writeCSV(rows)
	return learners, questions, err
}

// RolePlayCSV renders the role-plays CSV file of the report r: one row per learner and
// scenario of the course (roleplay.Columns).
func RolePlayCSV(r *report.Report) ([]byte, error) {
	return writeCSV(roleplay.Rows(r.RolePlays, r.Players(), cell))
}

func writeCSV(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cell guards a text against spreadsheet formulas, as the checklist export does: a text
// starting with =, +, -, @, tab or carriage return gets a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// num formats a number the shortest way: 83.3, 5, 2.8333.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// csvTime formats a time as spreadsheets read it, in UTC: 2026-11-25 09:41:37.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateTime)
}
