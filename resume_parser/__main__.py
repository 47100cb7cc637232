import sys

from resume_parser.cli import main

sys.exit(main())
