"""The command line behind ``python -m mattermost_plugin``: one module per subcommand."""
