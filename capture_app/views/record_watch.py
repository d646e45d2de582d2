"""What the Record view watches while the source runs: free disk and the sound that arrives.

Each problem is told once (the disk once per view, missing sound once per recording); a full
disk stops the recording, which is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from capture_app.i18n import translate
from capture_app.recording.session import SOUND_SHARE_LOW, STOP_DISK_BYTES, Recorder
from capture_app.views.record_parts import fmt_bytes, fmt_span, notify


class RecordingWatch:
    """Checks the disk (shown in `disk_label`) and the sound of `Recorder`s; `stop` ends a recording.

    Args:
        disk_label: Where the free space and the recording time it leaves are shown.
        stop: Stops the running recording (the view's Stop button).
    """

    def __init__(self, disk_label: QLabel, stop: Callable[[], None]) -> None:
        self.disk_label = disk_label
        self.stop = stop
        self.disk_warned = False
        self.sound_warned = False

    def new_recording(self) -> None:
        self.sound_warned = False

    def check_sound(self, recorder: Recorder) -> None:
        """Warn once per recording when far less sound arrives than time passes (the narration is lost)."""
        if recorder.state != "recording" or self.sound_warned:
            return
        share = recorder.sound_share()
        if share is not None and share < SOUND_SHARE_LOW:
            self.sound_warned = True
            text = translate("RecordView", "Only {share} % of the sound reaches the recording: the narration is "
                             "being lost. Check the microphone, or stop and choose another.")
            notify("warning", text.format(share=f"{100 * share:.0f}"))

    def check_disk(self, recorder: Recorder) -> None:
        """Show the free space; warn once when it runs low, stop the recording when it is gone."""
        free, seconds, low = recorder.disk_status()
        amounts = {"free": fmt_bytes(free), "span": fmt_span(seconds)}
        self.disk_label.setText(translate("RecordView", "Disk: {free} free, room for {span}").format(**amounts))
        self.disk_label.setStyleSheet(f"font-size: 13pt; color: {'#c23b3b' if low else '#2b3038'};"
                                      f" font-weight: {'bold' if low else 'normal'};")
        if low and not self.disk_warned:
            self.disk_warned = True
            notify("warning", translate("RecordView", "The disk is nearly full: {free} left, {span} of recording. "
                                                      "Free space or stop soon.").format(**amounts))
        if free < STOP_DISK_BYTES and recorder.state in ("recording", "paused"):
            notify("error", translate("RecordView", "The disk is full: the recording was stopped and saved."))
            self.stop()
