package checklist

import "playbook/site/bands"

// Result is a scored checklist.
type Result struct {
	Earned float64
	Max    float64
	// Percent is Earned/Max in whole percent (rounded half up); 0 when nothing was scored.
	Percent int
	// Band is the verdict, or nil when no item was answered.
	Band *Band
	// Answered counts items with an answer; NotApplicable those answered "not applicable".
	Answered      int
	NotApplicable int
	// Actions lists the items whose answer puts them on the action list, in order.
	Actions []*Item
}

// Score scores answers (level id by item id) against c: each answered item earns its
// level's points times its weight; not-applicable and unanswered items count for nothing
// on either side.
func Score(c *Checklist, answers map[string]string) Result {
	var r Result
	top := c.MaxLevelPoints()
	for _, it := range c.Items() {
		l := c.Level(answers[it.ID])
		if l == nil {
			continue
		}
		r.Answered++
		if l.NotApplicable {
			r.NotApplicable++
			continue
		}
		r.Earned += l.Points * it.Weight
		r.Max += top * it.Weight
		if l.Action {
			r.Actions = append(r.Actions, it)
		}
	}
	if r.Max > 0 {
		r.Percent = bands.Percent(r.Earned, r.Max)
		r.Band = c.BandFor(r.Percent)
	}
	return r
}

// BandFor returns the band holding percent.
func (c *Checklist) BandFor(percent int) *Band {
	for _, b := range c.Bands {
		if percent >= b.Min && percent <= b.Max {
			return b
		}
	}
	return nil
}
