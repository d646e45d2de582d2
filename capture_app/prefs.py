"""App preferences: app-only settings, last form values and chosen devices per workstation.

Stored as JSON in `indexing.paths.config_dir()/app.json`, written atomically.
A broken file is set aside (renamed `.bad`) and the defaults are used.
App-only settings (those the core never reads) are declared once in `APP_SETTINGS`.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from indexing import paths
from indexing.errors import SettingError
from indexing.settings import Setting

log = logging.getLogger(__name__)

FILE_NAME = "app.json"
FORM_FIELDS = ("title", "expert", "workstation", "process", "language")
APP_SETTINGS: dict[str, Setting] = {  # declared like the core's settings, kept in this file
    s.name: s
    for s in (
        Setting("ui_language", str, "auto",
                "language of the app's text: 'auto' (the system's language when shipped, else "
                "English), 'en' or 'ko'; applies at the next start", ("auto", "en", "ko")),
        Setting("reviewer", str, "",
                "name recorded as the approver of steps approved in the app (printed on "
                "work-instruction sheets); empty: the computer's login name"),
    )
}


class Prefs:
    """Preferences backed by one JSON file.

    Args:
        path: The file; default `<config dir>/app.json`.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path else paths.config_dir() / FILE_NAME
        self.data: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.data = {}
            return
        except OSError as exc:
            log.warning("cannot read preferences %s: %s", self.path, exc)
            self.data = {}
            return
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            self.data = data
        except ValueError as exc:
            log.warning("preferences %s are broken (%s); using defaults", self.path, exc)
            self.path.replace(self.path.with_suffix(".bad"))
            self.data = {}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".app-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self.data, f, indent=2, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, self.path)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.save()

    def setting(self, name: str, override: Any = None) -> str:
        """An app setting: `override` (a flag), else `$KNOWHOW_<NAME>`, else this file, else the default.

        Raises:
            KeyError: `name` is not declared in `APP_SETTINGS`.
            SettingError: The value found is not allowed (the message says which and where).
        """
        spec = APP_SETTINGS[name]
        for raw, where in ((override, "the command line"), (os.environ.get(spec.env), spec.env),
                           (self.data.get(name), str(self.path))):
            if raw is not None and str(raw).strip():
                try:
                    return spec.parse(raw)
                except SettingError as exc:
                    raise SettingError(f"{exc} (from {where})") from None
        return spec.default

    def form_values(self) -> dict[str, str]:
        """The session form's last values (title, expert, workstation, process, language)."""
        form = self.data.get("form", {})
        return {k: str(form.get(k, "")) for k in FORM_FIELDS}

    def set_form_values(self, values: dict[str, Any]) -> None:
        self.data["form"] = {k: str(values.get(k, "")) for k in FORM_FIELDS}
        self.save()

    def devices_for(self, workstation: str) -> dict[str, str]:
        """Camera, microphone and format chosen last at `workstation` ({} if none)."""
        return dict(self.data.get("devices", {}).get(workstation, {}))

    def set_devices_for(self, workstation: str, devices: dict[str, str]) -> None:
        self.data.setdefault("devices", {})[workstation] = dict(devices)
        self.save()
