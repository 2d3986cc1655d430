package schedule

import (
	"strings"
	"testing"
)

func TestDay(t *testing.T) {
	nine := 9 * 60
	coffee := Break{At: 10*60 + 30, Minutes: 15, Title: "Coffee"}
	lunch := Break{At: 12 * 60, Minutes: 60, Title: "Lunch"}
	blocks := func(minutes ...int) []Block {
		var out []Block
		for i, m := range minutes {
			out = append(out, Block{Lesson: 1, Title: string(rune('A' + i)), Minutes: m})
		}
		return out
	}
	tests := []struct {
		name   string
		blocks []Block
		breaks []Break
		want   string
	}{
		// 10:30 falls near the end of lesson 2's first block (10:20-10:35), but lesson 1 ends at
		// 10:20: close enough to take the break between the lessons.
		{"taken early between lessons", []Block{{Lesson: 1, Title: "A", Minutes: 80}, {Lesson: 2, Title: "B", Minutes: 15}, {Lesson: 2, Title: "C", Minutes: 20}}, []Break{coffee},
			"09:00-10:20 A|10:20-10:35 Coffee|10:35-10:50 B|10:50-11:10 C"},
		{"not more than LessonPull minutes early", []Block{{Lesson: 1, Title: "A", Minutes: 70}, {Lesson: 2, Title: "B", Minutes: 20}, {Lesson: 2, Title: "C", Minutes: 20}}, []Break{coffee},
			"09:00-10:10 A|10:10-10:30 B|10:30-10:45 Coffee|10:45-11:05 C"},
		{"no breaks", blocks(30, 45), nil, "09:00-09:30 A|09:30-10:15 B"},
		{"break exactly at a boundary", blocks(90, 30), []Break{coffee}, "09:00-10:30 A|10:30-10:45 Coffee|10:45-11:15 B"},
		// 10:30 falls inside B (10:00-11:00), nearer its start (30 min) than... a tie: start wins.
		{"tie goes to the earlier boundary", blocks(60, 60), []Break{coffee}, "09:00-10:00 A|10:00-10:15 Coffee|10:15-11:15 B"},
		// 10:30 inside B (10:20-10:35), 5 min from its end: the break comes after B.
		{"nearer the end of a block", blocks(80, 15, 10), []Break{coffee}, "09:00-10:20 A|10:20-10:35 B|10:35-10:50 Coffee|10:50-11:00 C"},
		// 10:30 is nearer the start of A, but a day does not open with a break.
		{"not before the first block", blocks(200, 10), []Break{coffee}, "09:00-12:20 A|12:20-12:35 Coffee|12:35-12:45 B"},
		// 10:30 inside A (09:00-11:00), nearer its end: after A; nothing is ever split.
		{"never inside a block", blocks(120, 30), []Break{coffee}, "09:00-11:00 A|11:00-11:15 Coffee|11:15-11:45 B"},
		{"a late break is taken at the next boundary", blocks(200, 10), []Break{coffee, lunch}, "09:00-12:20 A|12:20-12:35 Coffee|12:35-13:35 Lunch|13:35-13:45 B"},
		{"breaks after the day are dropped", blocks(60), []Break{coffee, lunch}, "09:00-10:00 A"},
		{"two breaks in a row when both are due", blocks(30, 30, 200), []Break{{At: 9*60 + 30, Minutes: 5, Title: "X"}, {At: 9*60 + 40, Minutes: 5, Title: "Y"}}, "09:00-09:30 A|09:30-09:35 X|09:35-09:40 Y|09:40-10:10 B|10:10-13:30 C"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows []string
			for _, s := range Day(nine, tt.blocks, tt.breaks) {
				rows = append(rows, Clock(s.Start)+"-"+Clock(s.End)+" "+s.Title)
				if s.Break == (s.Block.Title != "") {
					t.Errorf("slot %+v: Break and Block disagree", s)
				}
			}
			if got := strings.Join(rows, "|"); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestClock(t *testing.T) {
	for in, want := range map[int]string{0: "00:00", 9*60 + 5: "09:05", 23*60 + 59: "23:59", 24*60 + 30: "00:30"} {
		if got := Clock(in); got != want {
			t.Errorf("Clock(%d) = %s, want %s", in, got, want)
		}
	}
}
