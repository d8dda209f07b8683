"""One module per CLI subcommand. Each `run_*` takes the parsed args and returns an exit code."""
