import sys

from resume_parser.cli import main

# Guarded: multiprocessing's forkserver may import this module again in a child process.
if __name__ == "__main__":
    sys.exit(main())
