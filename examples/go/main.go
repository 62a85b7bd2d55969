// The quickstart in Go: `pulumi up` in this folder (with the Go language host), or run quickstart.Program inline
// with the Automation API.
package main

import (
	"github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/examples/go/quickstart"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(quickstart.Program)
}
