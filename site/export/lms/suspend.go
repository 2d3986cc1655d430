package lms

import "strconv"

// SuspendLimit is the most characters SCORM 1.2 keeps in cmi.suspend_data (CMIString4096).
// The wrapper's encoding of a unit's progress (docs/lms.md) must fit in it for any unit.
const SuspendLimit = 4096

// MaxEndID is the longest scenario end id the progress keeps; a longer one (or one with
// other characters than letters, digits, - and _) is kept as "?".
const MaxEndID = 40

// SuspendBound is the longest progress the wrapper can write for a unit of n pages, in the
// encoding of lms-core.js (docs/lms.md):
//
//	1;<viewed>;<quizzes>;<scenarios>
//
// viewed is a bitset of the reading order, 6 pages a character; quizzes lists i:p (page
// index, best percent or x) and scenarios i:p:end, comma-separated. Every page can appear
// in both lists at most once.
func SuspendBound(n int) int {
	digits := len(strconv.Itoa(n))
	bits := (n + 5) / 6
	quiz := digits + 1 + 3 + 1                    // i:100,
	scenario := digits + 1 + 3 + 1 + MaxEndID + 1 // i:100:end,
	return len("1;;;") + bits + n*(quiz+scenario)
}
