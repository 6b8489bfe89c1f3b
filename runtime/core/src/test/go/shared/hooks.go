// Package shared holds what both sides of the interop tests agree on: Mattermost's go-plugin handshake and
// a go-plugin GRPCPlugin for the PluginHooks service (stubs generated from proto/ at test time into hookspb).
package shared

import (
	"context"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	pb "pyplugins.dev/interop/hookspb"
)

// Handshake is Mattermost's: app protocol 1 and its magic cookie.
var Handshake = plugin.HandshakeConfig{
	ProtocolVersion:  1,
	MagicCookieKey:   "MATTERMOST_PLUGIN",
	MagicCookieValue: "Securely message teams, anywhere.",
}

// PluginName is the name the hooks are dispensed under (it never crosses the wire in gRPC mode).
const PluginName = "hooks"

// HooksPlugin serves Impl (plugin side) or dispenses a PluginHooks client (host side).
type HooksPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	Impl pb.PluginHooksServer
}

func (p *HooksPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	pb.RegisterPluginHooksServer(s, p.Impl)
	return nil
}

func (p *HooksPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return pb.NewPluginHooksClient(c), nil
}
