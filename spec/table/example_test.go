package table_test

import (
	"fmt"
	"strings"

	"github.com/errspec/errspec/spec/table"
)

// A README's table, with a code listed twice.
func ExampleRead() {
	md := `# Example API errors

| Error code | Message | Solution |
| --- | --- | --- |
| ` + "`Throttling`" + ` | Too many requests | Retry after a back-off. |
| InvalidFilter | The filter ` + "`a\\|b`" + ` is not valid | Use one value. |
| Throttling | Rate exceeded | |
`
	t, err := table.Read(strings.NewReader(md), "errors.md", table.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Title)
	for _, r := range t.Rows {
		fmt.Printf("line %d: %s | %s | %s\n", r.Line, r.Code, r.Message, r.Solution)
	}
	for _, w := range t.Warnings {
		fmt.Println(w)
	}
	// Output:
	// Example API errors
	// line 5: Throttling | Too many requests | Retry after a back-off.
	// line 6: InvalidFilter | The filter `a|b` is not valid | Use one value.
	// errors.md:7: code "Throttling" is listed again (first at line 5); this row is dropped and the first kept
}

// Text copied from a web page: the messages already in a spec split its
// rows exactly; the others are guessed, with a warning.
func ExampleRead_text() {
	page := `API Error Message
Last Updated: Jun 15, 2018
Error code Error message Cause and solution
isv.OUT_OF_SERVICE Account suspended due to an insufficient balance “Please check the balance of your account.
isv.AMOUNT_NOT_ENOUGH Account Balance insufficient The account balance is insufficient.
`
	known := map[string]string{"isv.OUT_OF_SERVICE": "Account suspended due to an insufficient balance"}
	t, err := table.Read(strings.NewReader(page), "page.txt", table.Options{Known: known})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Title, t.Updated)
	for _, r := range t.Rows {
		fmt.Printf("%s: %q | %q (guessed: %v)\n", r.Code, r.Message, r.Solution, r.Guessed)
	}
	// Output:
	// API Error Message 2018-06-15
	// isv.OUT_OF_SERVICE: "Account suspended due to an insufficient balance" | "Please check the balance of your account." (guessed: false)
	// isv.AMOUNT_NOT_ENOUGH: "Account Balance insufficient" | "The account balance is insufficient." (guessed: true)
}
