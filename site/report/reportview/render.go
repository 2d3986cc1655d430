package reportview

import (
	"path/filepath"
	"strings"

	"playbook/site/output"
	"playbook/site/report"
	"playbook/site/report/team/teamview"
	"playbook/site/theme"
)

// Render renders the report r as format ("html" or "csv") for the file out: one HTML file, or the
// learners CSV file and the questions CSV file beside it (NAME-questions.csv), and when
// checklist exports were used, the checklist copies and items CSV files
// (NAME-checklists.csv, NAME-checklist-items.csv), and when the course has scenarios, the
// role-plays CSV file (NAME-roleplays.csv).
func Render(r *report.Report, format, out string) ([]output.File, error) {
	if format == "html" {
		data, err := HTML(r)
		return []output.File{{Path: out, Data: data}}, err
	}
	learners, questions, err := CSV(r)
	if err != nil {
		return nil, err
	}
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	files := []output.File{{Path: out, Data: learners}, {Path: base + "-questions" + ext, Data: questions}}
	if len(r.RolePlays) > 0 {
		rp, err := RolePlayCSV(r)
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: base + "-roleplays" + ext, Data: rp})
	}
	if len(r.Team.Checklists) == 0 {
		return files, nil
	}
	th, err := theme.Load()
	if err != nil {
		return nil, err
	}
	copyRows, itemRows := teamview.CSV(r.Team, r.Lang, th)
	copies, err := writeCSV(copyRows)
	if err != nil {
		return nil, err
	}
	items, err := writeCSV(itemRows)
	return append(files, output.File{Path: base + "-checklists" + ext, Data: copies}, output.File{Path: base + "-checklist-items" + ext, Data: items}), err
}
