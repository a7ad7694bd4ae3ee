"""``python -m judanon`` is the ``judanon`` command."""

import sys

from .cli import main

sys.exit(main())
