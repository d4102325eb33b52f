package fixed

// Code is an error code of $service as it appears on the wire, such as
// $example. Codes the table does not list are Codes too; [Code.Info]
// reports whether the table knows one.
type Code string

// String returns the wire code.
func (c Code) String() string { return string(c) }

// Info returns the table's row for c, and false if the table does not list
// c. A code the table lists under another spelling (an alias) gets the row
// of the code it spells.
func (c Code) Info() (Info, bool) { return Lookup(string(c)) }

// Fault says which side of a call is to blame for an error. It is empty
// for success codes and for codes the table does not list.
type Fault string

// The faults.
const (
	// FaultClient: the request is at fault; change it before sending it
	// again.
	FaultClient Fault = "client"
	// FaultServer: the service failed; the request may be fine.
	FaultServer Fault = "server"
)

// Category groups error codes by what went wrong. It is empty for codes the
// table does not categorize.
type Category string
