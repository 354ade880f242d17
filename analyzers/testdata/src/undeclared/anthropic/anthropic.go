package anthropic

import (
	"context"
	"net/http"
	"os"

	anthropic "github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/toolrunner"
)

var ReadDoc = anthropic.ToolParam{Name: "read_doc", Description: anthropic.String("read a document")}

// Handle dispatches on the name of the tool Claude used.
func Handle(tu anthropic.ToolUseBlock) {
	switch tu.Name {
	case "read_doc":
		os.ReadFile(string(tu.Input)) // declared agent-wide
	}
}

type City struct{ Name string }

func Runner() {
	toolrunner.NewBetaToolFromJSONSchema("weather", "the weather", func(ctx context.Context, in City) (anthropic.BetaToolResultBlockParamContentUnion, error) {
		_, err := http.Get("https://weather.example/" + in.Name) // want `tool "weather" reaches http.Get \(net.outbound\)`
		return anthropic.BetaToolResultBlockParamContentUnion{}, err
	})
}
