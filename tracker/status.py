"""Exit statuses: every way the tracker can end, documented in the README."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    DATA_ERROR = 1  # the data folder is missing or has errors
    USAGE_ERROR = 2  # bad command-line input: unknown option, round, partner, date …
    OUTPUT_ERROR = 3  # a file could not be written: exists without --force, not a regular file, disk full …
    HANGUP = 129  # SIGHUP, the terminal closed (a signal ends a command with 128 + its number)
    INTERRUPTED = 130  # Ctrl-C
    PIPE_CLOSED = 141  # the reader of our output went away (`| head`)
    TERMINATED = 143  # SIGTERM
