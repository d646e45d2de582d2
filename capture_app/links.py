"""Open a `knowhow://open?session=…&t=…` link (a sheet's QR code): the Review view at that moment."""

from __future__ import annotations

import logging
from typing import Any

from capture_app import messages
from indexing.document.sheet import parse_link
from indexing.errors import IndexingError

log = logging.getLogger(__name__)


def open_link(window: Any, link: str) -> bool:
    """Show the linked session in the Review view and seek to the linked time.

    Returns:
        False (after one message) when the link is malformed or names an unknown session.
    """
    try:
        session_id, t = parse_link(link)
        window.library.session(session_id)
    except IndexingError as exc:
        messages.error(str(exc))
        return False
    view = window.show_view("review")
    view.load_session(session_id)
    index = next((i for i, s in enumerate(view.steps) if s.start <= t < s.end), None)
    if index is not None:
        view.select_step(index, seek=False)
    view.player.seek(t)
    log.info("opened %s", link)
    return True
