"""The command-line interface (thin: parsing and printing over the library)."""
