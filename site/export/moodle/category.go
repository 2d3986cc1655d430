package moodle

import "strings"

// categoryRoot is where Moodle's own exports put a course's categories: the course's
// question bank, under its top category.
const categoryRoot = "$course$/top/"

// categoryPath returns the category path of a quiz titled title, written as Moodle's
// exporters write one (qformat_default::assemble_category_path): a "/" inside a name is
// doubled, since a single "/" separates names, and a name that starts or ends with "/" is
// padded with a space, which the importer trims. Runs of white space become one space: a
// category name is one line in GIFT, and Moodle trims and keeps names of one line.
func categoryPath(title string) string {
	name := strings.ReplaceAll(strings.Join(strings.Fields(title), " "), "/", "//")
	if strings.HasPrefix(name, "/") {
		name = " " + name
	}
	if strings.HasSuffix(name, "/") {
		name += " "
	}
	return categoryRoot + name
}

// giftCategory returns the $CATEGORY line of a quiz titled title. Moodle's GIFT exporter
// writes the path as it is, and its importer never unescapes it: the line goes through
// escapedchar_pre (which turns \: \# \= \{ \} \~ \n into placeholders such as &&058;) but
// not escapedchar_post. So ":", "{", "=" and the others are written bare, which is safe
// because the category line is the whole block. Only a backslash that would start one of
// those sequences (or another backslash) is doubled: escapedchar_pre turns "\\" into "\"
// first.
func giftCategory(title string) string {
	path := categoryPath(title)
	var b strings.Builder
	b.WriteString("$CATEGORY: ")
	for i := 0; i < len(path); i++ {
		b.WriteByte(path[i])
		if path[i] == '\\' && i+1 < len(path) && strings.IndexByte(`\:#={}~n`, path[i+1]) >= 0 {
			b.WriteByte('\\')
		}
	}
	return b.String()
}
