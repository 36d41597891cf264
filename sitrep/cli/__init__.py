"""The command line: one module per command, each thin over a tested function."""
