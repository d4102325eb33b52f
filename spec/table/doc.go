// Package table reads a vendor's API error table — a TSV, CSV, Markdown,
// HTML or JSON file, or text copied from a web page — into rows of code, message
// and solution (and HTTP status and name, where the table has them), the
// first half of importing a table into a spec.
//
// [Read] takes the table's text and its file name, whose extension names
// the format unless [Options.Format] does:
//
//	t, err := table.ReadFile("errors.html", table.Options{})
//	for _, row := range t.Rows { ... }   // the vendor's order, one row per code
//	for _, w := range t.Warnings { ... } // "errors.html:41: ...", for a person to check
//
// # Columns
//
// A table's header row names its columns. Read finds the code column, and
// the message and solution columns if the table has them, by the words
// vendors use, ignoring case, spaces and punctuation:
//
//   - code: Error code, Code, Error, Return code, 错误码, 错误代码, 返回码, ...
//   - message: Error message, Message, Description, Meaning, 错误信息,
//     错误描述, 描述, 说明, ...
//   - solution: Cause and solution, Solution, Recommendation, Suggestion,
//     Action, Cause, Remarks, Notes, 解决方案, 处理措施, 建议, 原因, 备注, ...
//   - http_status: HTTP status code, HTTP status, Status code, Status,
//     状态码, ...: a cell's one number from 100 to 599 is the status ("403
//     Forbidden" and "403" are 403); a cell without a number is none, and
//     one with a number that is not one status ("4xx", "400 or 403") is
//     none, with a warning;
//   - name: Condition name (PostgreSQL's), Constant, Name, ...: the code's
//     name as the vendor writes it (unique_violation), which an import runs
//     through the naming rule.
//
// An & or a / reads as "and" ("Cause & solution", "Cause/Solution"), and a
// header that joins names of one field with /, &, +, a comma or "and"
// names that field ("Solution / Remarks"); one that joins names of two
// fields ("Message and solution") names neither, as its text cannot be
// split.
// When two columns name one field, the more telling word wins ("Error code"
// over "Code") and a warning says so. [Options.Columns] names the header of
// any column the words miss; each column whose header names no field is a
// warning at the header's line, so that no column is dropped unseen. A
// table without a code column is an error that lists the headers it has; a
// table without a message or solution column gives empty ones, and
// [Table.HasMessage] and [Table.HasSolution] say which it has (and
// [Table.HasHTTPStatus] and [Table.HasName] the same of the others).
//
// # Rows
//
// Cells are trimmed. A row whose cells are all empty is nothing; a row with
// an empty code, or one that repeats the header, is skipped with a warning.
// A code listed again is kept at its first row: the later rows are dropped,
// each with a warning, and [Table.Duplicates] lists every line of each such
// code. Each [Row] records the line it came from.
//
// # Formats
//
// TSV: tab-separated lines; the first non-blank line is the header. Cells
// hold no tabs or line breaks and are taken as written: TSV has no quoting.
//
// CSV: comma-separated values as RFC 4180 has them (encoding/csv): a cell
// in double quotes may hold commas, line breaks and doubled quotes ("").
// The first record is the header. A quote in a cell that is not quoted is an
// error; so is a quoted cell that is not closed.
//
// Markdown: a GitHub-flavoured pipe table, a header line followed by a
// delimiter line (| --- | :-: |); leading and trailing pipes are optional,
// and the table ends at a blank line or a line without a |. In a cell, \|
// is a |, in `code` too, and <br> is a line break; other Markdown is kept as
// written, except that a code loses the `…` or **…** around it. Tables in
// fenced code blocks are not tables. The page's title is its first # heading,
// and a "last updated" line before the table (as in Text, below) gives its
// date, however the page sets it off: *emphasised*, **strong**, in a
// > quote or a list item.
//
// HTML: a <table>. Cell text is what a reader sees: markup is dropped,
// entities are decoded, <br> and the edges of blocks such as <p>, <li> and
// <div> are line breaks, and other runs of whitespace, &nbsp; included, are
// one space; scripts, styles and <template>s are not read. The header is the
// last row of the <thead>, or, without one, the first row when it is all
// <th> cells. A rowspan copies its cell into each row it spans (within its
// <tbody>); a colspan gives its text to the first column it spans and leaves
// the others empty; a row of one cell across the whole table is a section
// heading, skipped with a warning. Row lines are those of their <tr>. The
// page's title is its first <h1>, or else its <title>.
//
// Text: a table copied from a web page, its cells run together by single
// spaces. Lines before the header are the page's: a "Last updated: Jun 15,
// 2018" line (or "Last modified on 2018-06-15", "更新时间：2018-06-15", ...)
// gives the date, and the line before it the page's title. The header is the
// first line made of two or three column names, the code's first ("Error
// code Error message Cause and solution"); failing one, the first that
// starts with the code's name and has columns the usual words miss among
// them ("Error code HTTP status Error message"). Such a column is a warning:
// text cannot tell where its cells end, so their words are read as part of
// the column before it (after the code, the one after). Each later
// non-blank line is a
// row: its first word is the code and the rest its message, solution or
// both. An HTTP status or name column is read next to the code or at the
// end of the line, where its cell is one word (a status with its reason
// phrase, "403 Forbidden"; "-" or "N/A" for none); one between the message
// and the solution cannot be told from them, and is a column not read. With both, nothing marks where the message ends: when the rest
// starts with the code's message in [Options.Known], the split is exact;
// otherwise it is guessed (see below), the row is marked [Row.Guessed] and a
// warning shows the split. A curly quote (“ or ”) without a partner in a
// cell is an artefact of the copy and is dropped.
//
// JSON: an array of objects, one per code, as Twilio publishes its table
// ([{"code": 21211, "message": "...", "more_info": "..."}]). The objects'
// keys are the header, matched as headers are, in the order they first
// appear (so a warning about a key that is not read names it once); each
// object is a row at the line its { is on. A string is its text, a number
// the number as written (the code 21211 is "21211"), true and false and
// null (empty) as such, and a list of these its items, a line each. An
// item that is not an object, a key given twice in an object (the first
// is read) and a read key holding an object are warnings. A top-level
// object is an error that says to take the array out of it.
//
// Picking a table: an HTML page or a Markdown file may hold several tables.
// Read takes the first with a header that names a code column, or the one
// [Options.Table] numbers (counting from 1, nested tables included), whose
// first row is then its header even without <th> cells.
//
// Any format may start with a UTF-8 byte order mark and use CRLF line ends.
// Text that is not UTF-8 (UTF-16, GBK) is refused with the line and a way
// to convert it.
//
// # Guessing a split
//
// Without a known message, the solution starts at the first word, never the
// first, that (in this order of preference): follows a first word that is
// the code itself; opens with an unpartnered “, where the copy joined two
// cells; in a row whose first word is Chinese, Japanese or Korean, starts
// with 原因, 解决, 建议, 请, 处理 or 可能, or else follows a space between two
// such characters; starts with a capital and is an opener such as Please,
// The, You, In, For, Check, Ensure, or follows a word ending a sentence;
// starts with a capital and is not an acronym (RAM) or an identifier
// (ContentCode). A capitalised word followed by another is passed over as
// Title Case inside a message (Exceeds Daily Volume Limit). With none of
// these, the whole text is the message.
//
// # Errors
//
// Problems that stop a table being read come back as an [*Error],
// "file:line: what is wrong, and how to fix it"; the line is left out when
// the problem is the whole file's.
package table
