"""`python -m scanner` runs the `fgscan` command line."""

from scanner.cli import main

main()
