// A Go plugin built with hashicorp/go-plugin in gRPC mode, serving Mattermost's PluginHooks: what the
// Java runtime must load, call, hear from (hclog on stderr, output through GRPCStdio) and stop.
package main

import (
	"context"
	"fmt"
	"os"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"

	pb "pyplugins.dev/interop/hookspb"
	"pyplugins.dev/interop/shared"
)

type hooks struct {
	pb.UnimplementedPluginHooksServer
	log hclog.Logger
}

func (h *hooks) Implemented(context.Context, *pb.ImplementedRequest) (*pb.ImplementedResponse, error) {
	return &pb.ImplementedResponse{Hooks: []string{"OnActivate", "OnDeactivate", "MessageWillBePosted"}}, nil
}

func (h *hooks) OnActivate(context.Context, *pb.OnActivateRequest) (*pb.OnActivateResponse, error) {
	h.log.Info("go plugin activated", "pid", os.Getpid())
	// os.Stderr is go-plugin's pipe into GRPCStdio by now.
	fmt.Fprintln(os.Stderr, "[WARN] go plugin wrote this to os.Stderr after the handshake")
	return &pb.OnActivateResponse{}, nil
}

func (h *hooks) OnDeactivate(context.Context, *pb.OnDeactivateRequest) (*pb.OnDeactivateResponse, error) {
	if err := os.WriteFile("deactivated", []byte(fmt.Sprint(os.Getpid())), 0o644); err != nil {
		return nil, err
	}
	return &pb.OnDeactivateResponse{}, nil
}

func (h *hooks) MessageWillBePosted(_ context.Context, req *pb.MessageWillBePostedRequest) (*pb.MessageWillBePostedResponse, error) {
	post := req.GetPost()
	post.Message += " [go]"
	return &pb.MessageWillBePostedResponse{Post: post}, nil
}

func main() {
	// Created before Serve, so it keeps the real stderr: hclog JSON lines the host reads from the pipe.
	logger := hclog.New(&hclog.LoggerOptions{Name: "goplugin", Level: hclog.Info, Output: os.Stderr, JSONFormat: true})
	logger.Info("go plugin starting", "pid", os.Getpid())
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: shared.Handshake,
		Plugins:         map[string]plugin.Plugin{shared.PluginName: &shared.HooksPlugin{Impl: &hooks{log: logger}}},
		GRPCServer:      plugin.DefaultGRPCServer,
		Logger:          logger,
	})
}
