"""Which AutoCount creates are read back (issue 14): a create is confirmed by the DocNo in
the 201's location and the total ecdesk computed; a sample is read back to catch a book that
totals differently (a tax or rounding setting).

The sample: the first create of each run and every ``read_back_every``-th after it
(default :data:`READ_BACK_EVERY`; 1 reads every document back). Once
:data:`AGREED_TO_THIN` read-backs in a row showed ecdesk's own total, one in ``THINNED``
times as many creates is read, until one differs (on a peak day the quota goes to
documents). A create AutoCount numbered itself is always read.
"""

from __future__ import annotations

READ_BACK_EVERY = 20
AGREED_TO_THIN, THINNED = 10, 5


class ReadBackSample:
    """The read-back sample of one route object (one run)."""

    def __init__(self) -> None:
        self._unread = 10**9  # creates since the last read-back: the first is read
        self._agreed = 0  # read-backs in a row that showed ecdesk's own total

    def due(self, setting: str | None, *, renumbered: bool) -> bool:
        """Whether this create is read back (``setting``: the book's ``read_back_every``)."""
        self._unread += 1
        try:
            every = int(setting or READ_BACK_EVERY)
        except ValueError:
            every = 1
        gap = every * THINNED if self._agreed >= AGREED_TO_THIN else every
        due = renumbered or every <= 1 or self._unread >= gap
        if due:
            self._unread = 0
        return due

    def read(self, agreed: bool) -> None:
        """A read-back showed ecdesk's own total (``agreed``), or not, or failed."""
        self._agreed = self._agreed + 1 if agreed else 0
