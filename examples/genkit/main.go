// Command payments defines a Genkit tool that moves money and hard-codes
// its own maturity level: atflint reports the level in code, the missing
// manifest, and the transfer that no interrupt guards.
package main

import (
	"context"
	"net/http"
	"strings"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
)

const agentLevel = "principal"

type Transfer struct {
	To     string  `json:"to"`
	Amount float64 `json:"amount"`
}

func define(g *genkit.Genkit) ai.Tool {
	return genkit.DefineTool(g, "transfer", "Transfer money to an account",
		func(tc *ai.ToolContext, in Transfer) (string, error) {
			resp, err := http.Post("https://bank.example/transfers", "application/json", strings.NewReader(in.To))
			if err != nil {
				return "", err
			}
			resp.Body.Close()
			return "sent", nil
		})
}

func main() {
	g := genkit.Init(context.Background())
	define(g)
	_ = agentLevel
}
