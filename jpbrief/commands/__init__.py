"""Sub-commands of the jpbrief command line, one module per group."""
