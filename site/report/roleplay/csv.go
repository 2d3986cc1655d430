package roleplay

import (
	"strconv"
	"time"
)

// Columns returns the columns of the role-plays CSV file: one row per learner and scenario
// of the course, learners in the order given, scenarios in course order, scenarios not
// played included (attempts 0, the rest empty). current_version is "no" when the learner's
// last run was on another version of the scenario; last_run_utc is as in the learners file.
func Columns() []string {
	return []string{"learner", "class", "scenario_id", "scenario_title", "day", "attempts", "best_percent", "last_percent",
		"last_end", "last_outcome", "last_run_utc", "current_version"}
}

// Rows returns the rows of the role-plays CSV file under Columns, texts as they are (the
// caller guards them against spreadsheet formulas with cell).
func Rows(stats []*Stats, players []Player, cell func(string) string) [][]string {
	rows := [][]string{Columns()}
	for _, p := range players {
		for _, st := range stats {
			sc := st.Scenario
			row := []string{cell(p.Name), cell(p.Class), sc.ID, cell(st.Title), strconv.Itoa(sc.Day), "0", "", "", "", "", "", ""}
			e := p.Scenarios[sc.ID]
			if e != nil && e.Attempts > 0 {
				row[5] = strconv.Itoa(e.Attempts)
				if e.Best != nil {
					row[6] = num(e.Best.Percent)
				}
				if l := e.Last; l != nil {
					row[7], row[8], row[9], row[10] = num(l.Percent), cell(l.End), cell(l.Outcome), l.Date.UTC().Format(time.DateTime)
				}
				row[11] = "yes"
				if e.Version != sc.Version() {
					row[11] = "no"
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
