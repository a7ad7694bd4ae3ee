"""``python -m judanon`` is the ``judanon`` command."""

import sys

from judanon.cli import main

sys.exit(main())
