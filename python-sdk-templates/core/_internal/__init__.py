"""The SDK's internals: the plugin server, the hook dispatch runtime and the client plumbing. Not public API."""
