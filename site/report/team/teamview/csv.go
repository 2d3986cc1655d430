package teamview

import (
	"strconv"
	"strings"

	"playbook/site/checklist"
	"playbook/site/report/team"
	"playbook/site/theme"
)

// CopyColumns returns the columns of the checklist copies CSV file: one row per copy used,
// checklists in course order, reps sorted by name, each rep's copies oldest first. date is
// the date that orders the copies (empty when the copy has none); latest is "yes" for the
// rep's latest copy, the one the roll-up counts; percent, band and band_label are empty when
// nothing was scored; the previous_ and change columns compare with the rep's copy before
// (empty for the first): change is the difference in percentage points (empty unless both
// copies were scored), items_up and items_down count the items whose answer earns more or
// fewer points, items_other those that changed to or from N/A or unanswered, and moved lists
// them all as "item: before > now" (ids, "unanswered" for none), separated by "; ".
func CopyColumns() []string {
	return []string{"checklist_id", "checklist_title", "rep", "team", "copy_name", "date", "latest",
		"answered", "not_applicable", "items", "earned", "max", "percent", "band", "band_label",
		"previous_date", "previous_percent", "previous_band", "change", "items_up", "items_down", "items_other", "moved", "file"}
}

// ItemColumns returns the columns of the checklist items CSV file: per checklist (in course
// order) and item (in page order), one row per answer of the checklist's scale and one for
// no answer (answer_id empty), counting the reps' latest copies: reps is how many gave that
// answer, percent their share of the reps, one decimal.
func ItemColumns() []string {
	return []string{"checklist_id", "checklist_title", "number", "section", "item_id", "item_text", "answer_id", "answer_label", "reps", "percent"}
}

// CSV returns the rows, header first, of the two CSV files of the roll-up t in lang: the
// copies and the items (see CopyColumns and ItemColumns). Texts that a spreadsheet would
// take for a formula get a leading '.
func CSV(t *team.Team, lang string, th *theme.Theme) (copies, items [][]string) {
	x := newTexts(lang)
	copies = [][]string{CopyColumns()}
	items = [][]string{ItemColumns()}
	for _, c := range t.Checklists {
		title := cell(c.Checklist.Title.Get(lang))
		for _, r := range c.Reps {
			for _, cp := range r.Copies {
				res := cp.Result
				row := []string{c.Checklist.ID, title, cell(r.Name), cell(strings.TrimSpace(cp.Fields["team"])), cell(cp.Name), day(cp.Date), yesNo(cp.Latest),
					strconv.Itoa(res.Answered), strconv.Itoa(res.NotApplicable), strconv.Itoa(len(c.Items)), num(res.Earned), num(res.Max), "", "", "",
					"", "", "", "", "", "", "", "", cell(cp.Path)}
				if cp.Scored() {
					row[12], row[13], row[14] = strconv.Itoa(res.Percent), res.Band.ID, cell(res.Band.Label.Get(lang))
				}
				if ch := cp.Change; ch != nil {
					row[15] = day(ch.Previous.Date)
					if ch.Previous.Scored() {
						row[16], row[17] = strconv.Itoa(ch.Previous.Result.Percent), ch.Previous.Result.Band.ID
					}
					if ch.Comparable() {
						row[18] = strconv.Itoa(ch.Delta())
					}
					row[19], row[20], row[21] = strconv.Itoa(ch.Count(team.Up)), strconv.Itoa(ch.Count(team.Down)), strconv.Itoa(ch.Count(team.Other))
					var moved []string
					for _, m := range ch.Moved {
						moved = append(moved, m.Item.ID+": "+levelID(m.From)+" > "+levelID(m.To))
					}
					row[22] = strings.Join(moved, "; ")
				}
				copies = append(copies, row)
			}
		}
		for _, it := range c.Items {
			section := cell(x.section(it.Section))
			text := cell(x.plain(c.Checklist, it.Item.Text))
			base := []string{c.Checklist.ID, title, strconv.Itoa(it.Number), section, it.Item.ID, text}
			for i, l := range c.Checklist.Scale {
				items = append(items, append(base[:len(base):len(base)], l.ID, cell(l.Label.Get(lang)), strconv.Itoa(it.Counts[i]), num(it.Share(it.Counts[i]))))
			}
			items = append(items, append(base[:len(base):len(base)], "", cell(th.String(lang, "report_team_unanswered")), strconv.Itoa(it.Unanswered), num(it.Share(it.Unanswered))))
		}
	}
	return copies, items
}

// levelID is a level's id, or "unanswered" for none.
func levelID(l *checklist.Level) string {
	if l == nil {
		return "unanswered"
	}
	return l.ID
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
