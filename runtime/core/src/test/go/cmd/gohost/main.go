// A host built with hashicorp/go-plugin (AllowedProtocols grpc) that loads the plugin command given in its
// arguments (a Python plugin made with the SDK), calls its hooks, pings it, kills it, and prints what it
// saw as one JSON object on stdout.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	pb "pyplugins.dev/interop/hookspb"
	"pyplugins.dev/interop/shared"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gohost:", err)
		os.Exit(1)
	}
}

func run(command []string) error {
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  shared.Handshake,
		Plugins:          map[string]plugin.Plugin{shared.PluginName: &shared.HooksPlugin{}},
		Cmd:              exec.Command(command[0], command[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		StartTimeout:     30 * time.Second,
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "gohost", Output: os.Stderr, Level: hclog.Debug}),
	})
	defer client.Kill()
	started := time.Now()
	rpc, err := client.Client()
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	raw, err := rpc.Dispense(shared.PluginName)
	if err != nil {
		return fmt.Errorf("dispense: %w", err)
	}
	hooks := raw.(pb.PluginHooksClient)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	implemented, err := hooks.Implemented(ctx, &pb.ImplementedRequest{})
	if err != nil {
		return fmt.Errorf("Implemented: %w", err)
	}
	if _, err := hooks.OnActivate(ctx, &pb.OnActivateRequest{}); err != nil {
		return fmt.Errorf("OnActivate: %w", err)
	}
	answer, err := hooks.MessageWillBePosted(ctx, &pb.MessageWillBePostedRequest{Post: &pb.Post{Message: "hello from go"}})
	if err != nil {
		return fmt.Errorf("MessageWillBePosted: %w", err)
	}
	if err := rpc.Ping(); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	ready := time.Since(started)
	killStart := time.Now()
	client.Kill()
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"protocol":    string(client.Protocol()),
		"implemented": implemented.GetHooks(),
		"message":     answer.GetPost().GetMessage(),
		"ping":        "ok",
		"start_ms":    ready.Milliseconds(),
		"kill_ms":     time.Since(killStart).Milliseconds(),
		"exited":      client.Exited(),
	})
}
