package moodletest

import "strings"

// GIFTCategory reads a GIFT block as Moodle's GIFT importer reads a category
// (qformat_gift::readquestion in question/format/gift/format.php): comment lines dropped,
// escapedchar_pre over the whole block (which turns "\\" into "\" and \: \# \= \{ \} \~ \n
// into placeholders such as &&058;), the text after "$CATEGORY:" trimmed, and no
// escapedchar_post; then the path split by SplitCategoryPath. It returns false for a block
// that is not a category.
func GIFTCategory(block string) ([]string, bool) {
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "//") {
			lines = append(lines, l)
		}
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if !strings.HasPrefix(text, "$CATEGORY:") {
		return nil, false
	}
	text = strings.ReplaceAll(text, `\\`, "&&092;")
	for i, c := range []string{":", "#", "=", "{", "}", "~", "n"} {
		text = strings.ReplaceAll(text, `\`+c, []string{"&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"}[i])
	}
	text = strings.ReplaceAll(text, "&&092;", `\`)
	return SplitCategoryPath(strings.TrimSpace(text[len("$CATEGORY:"):])), true
}

// SplitCategoryPath splits a category path as Moodle's importers do
// (qformat_default::split_category_path in question/format.php): at each "/" with no "/"
// beside it; then "//" becomes "/" and each name is trimmed. Its clean_param(PARAM_TEXT),
// which strips HTML tags, is left out.
func SplitCategoryPath(path string) []string {
	var names []string
	start := 0
	for i := 0; i < len(path); i++ {
		if path[i] == '/' && (i == 0 || path[i-1] != '/') && (i+1 == len(path) || path[i+1] != '/') {
			names = append(names, path[start:i])
			start = i + 1
		}
	}
	names = append(names, path[start:])
	for i, n := range names {
		names[i] = strings.TrimSpace(strings.ReplaceAll(n, "//", "/"))
	}
	return names
}
