"""``python -m mattermost_plugin``: the plugin author's command line (new, test, bundle)."""

from ._cli.main import main

raise SystemExit(main())
