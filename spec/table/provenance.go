package table

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// updatedLine matches a page's "last updated" line, in the words vendors'
// pages use: "Last Updated: Jun 15, 2018", "Last modified on 2024-01-25",
// "更新时间：2023-05-10 10:23:45".
var updatedLine = regexp.MustCompile(`(?i)^\s*(?:last\s+(?:updated|modified|changed)(?:\s+(?:on|at))?\s*[:：]?|updated\s*(?:on|at)?\s*[:：]|(?:最近|最后)?更新(?:时间|日期|于)\s*[:：]?)\s*(.+)$`)

// dates are the ways a "last updated" date is written.
var (
	numericDate = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	monthFirst  = regexp.MustCompile(`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	dayFirst    = regexp.MustCompile(`^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})`)
)

// updated looks through a page's lines for its "last updated" date and
// records it as YYYY-MM-DD. It returns the index of the line, or -1. A
// line that says "last updated" with a date it cannot read is a warning;
// numbered says whether the lines are the input's (for the warning's
// line).
func (rd *reader) updated(ls []string, numbered bool) int {
	for i, l := range ls {
		m := updatedLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		d, ok := parseDate(strings.TrimSpace(m[1]))
		if !ok {
			line := 0
			if numbered {
				line = i + 1
			}
			rd.warn(line, "cannot read the date in %q; write the spec's source: updated: by hand, as YYYY-MM-DD", strings.TrimSpace(l))
			continue
		}
		rd.t.Updated = d
		return i
	}
	return -1
}

// parseDate reads a date written as 2018-06-15, 2018/6/15, 2018年6月15日,
// Jun 15, 2018, June 15 2018 or 15 June 2018, with anything after it (a
// time) ignored.
func parseDate(s string) (string, bool) {
	var y, m, d string
	var month time.Month
	if p := numericDate.FindStringSubmatch(s); p != nil {
		y, m, d = p[1], p[2], p[3]
		n, _ := strconv.Atoi(m)
		month = time.Month(n)
	} else if p := monthFirst.FindStringSubmatch(s); p != nil {
		m, d, y = p[1], p[2], p[3]
		month = monthNamed(m)
	} else if p := dayFirst.FindStringSubmatch(s); p != nil {
		d, m, y = p[1], p[2], p[3]
		month = monthNamed(m)
	} else {
		return "", false
	}
	year, _ := strconv.Atoi(y)
	day, _ := strconv.Atoi(d)
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if month < time.January || month > time.December || t.Day() != day || t.Month() != month {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// monthNamed reads a month's English name or its abbreviation (Jun,
// Sept), or returns 0.
func monthNamed(s string) time.Month {
	s = strings.ToLower(s)
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if len(s) >= 3 && strings.HasPrefix(name, s) {
			return m
		}
	}
	return 0
}
