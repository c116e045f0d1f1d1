"""``python -m cxlib``: see :mod:`cxlib.cli`."""

import sys

from cxlib.cli import main

sys.exit(main())
