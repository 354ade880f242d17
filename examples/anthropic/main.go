// Command weather gives Claude a weather tool through the SDK's tool
// runner. The handler also appends to a log file: a write, which an intern
// agent may not do.
package main

import (
	"context"
	"io"
	"net/http"
	"os"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/toolrunner"
)

type City struct {
	Name string `json:"name" jsonschema:"required,description=the city"`
}

func weatherTool() (anthropic.BetaTool, error) {
	return toolrunner.NewBetaToolFromJSONSchema("get_weather", "The weather in a city",
		func(ctx context.Context, in City) (anthropic.BetaToolResultBlockParamContentUnion, error) {
			resp, err := http.Get("https://weather.example/" + in.Name)
			if err != nil {
				return anthropic.BetaToolResultBlockParamContentUnion{}, err
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			f, err := os.OpenFile("/var/log/weather.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
			if err == nil {
				f.WriteString(in.Name + "\n")
				f.Close()
			}
			return anthropic.BetaToolResultBlockParamContentUnion{OfText: &anthropic.BetaTextBlockParam{Text: string(body)}}, nil
		})
}

func main() {
	if _, err := weatherTool(); err != nil {
		os.Exit(1)
	}
}
