"""`python -m scanner` and the `fgscan` console script: the command line.

The cycle collector is off while the command line's modules are imported: their classes and tables are
thousands of objects and no garbage, and collecting among them cost 4 % of the imports (19 M of 465 M
instructions under callgrind). `cli.main` then sets the thresholds a run collects at (`executor.tune_gc`)."""

import gc


def main() -> None:
    """Import the command line with the collector off, then run it."""
    gc.disable()
    from scanner.cli import main as command_line

    gc.enable()
    command_line()


if __name__ == "__main__":
    main()
