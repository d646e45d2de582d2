"""The app's languages: translation catalogues, the translator installed at start-up, and fonts.

Every user-visible string of the app goes through Qt's translation machinery:
`self.tr()` in QObject subclasses, `QCoreApplication.translate(context, text)`
elsewhere, `QT_TRANSLATE_NOOP` for tables built at import time, and
`translate()` below in the Qt-free modules (it calls Qt once Qt is loaded).
`pyside6-lupdate` extracts them into `knowhow_<lang>.ts` (scripts/update-translations.sh),
`pyside6-lrelease` compiles those to the `.qm` files shipped next to this module.

English is the source language: `knowhow_en.ts` only holds the plural forms
("%n step(s)" -> "1 step" / "2 steps"); `knowhow_ko.ts` holds everything.

Importing this module loads no Qt.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent
FONTS_DIR = I18N_DIR.parent / "fonts"
"""Fonts shipped with a packaged app (`*.ttf`, `*.otf`, `*.ttc`), loaded before any is chosen."""
CATALOGUE = "knowhow"
SOURCE_LANGUAGE = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}
"""The shipped languages (code -> own name)."""
AUTO = "auto"

KOREAN_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "Malgun Gothic",
                "Apple SD Gothic Neo", "NanumGothic", "NanumBarunGothic", "UnDotum", "Baekmuk Gulim")
"""Families with Hangul, best first: Debian/Ubuntu (fonts-noto-cjk), Windows, macOS, older Linux."""

_installed: list[Any] = []  # the QTranslators this module installed (kept alive; removed on reinstall)
_loaded_fonts: list[str] = []  # families registered from FONTS_DIR (loaded once)
_platform_family: str | None = None  # the app font's family before `apply_font` first ran


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`QCoreApplication.translate` for modules that must not import Qt.

    Once Qt is loaded (the app runs) this is Qt's own translation; without Qt it
    returns the source text, with `%n` replaced by `n`. `pyside6-lupdate` extracts
    `translate("Context", "text")` calls like Qt's own.
    """
    core = sys.modules.get("PySide6.QtCore")
    if core is not None:
        return str(core.QCoreApplication.translate(context, text, disambiguation, n))
    return text.replace("%n", str(n)) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark `text` for translation in `context` without translating it (Qt-free, like Qt's own)."""
    return text


def resolve_language(setting: str | None, ui_languages: Sequence[str]) -> str:
    """The shipped language to use.

    Args:
        setting: A language code ("ko", "ko_KR", "en-US"), "auto" or empty for the system's.
        ui_languages: The system's preferred UI languages, best first (`QLocale.system().uiLanguages()`).

    Returns:
        A key of `LANGUAGES`; English when nothing shipped matches.

    Raises:
        ValueError: `setting` names a language that is not shipped.
    """
    wanted = (setting or "").strip()
    if wanted and wanted.lower() != AUTO:
        code = _base(wanted)
        if code not in LANGUAGES:
            raise ValueError(f"ui_language must be auto or one of {', '.join(LANGUAGES)}, got {wanted!r}")
        return code
    for name in ui_languages:
        code = _base(name)
        if code in LANGUAGES:
            return code
        if code == "c":  # the POSIX locale: no preference given
            break
    return SOURCE_LANGUAGE


def _base(name: str) -> str:
    return name.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()


def catalogue_path(language: str, suffix: str = ".qm") -> Path:
    """`capture_app/i18n/knowhow_<language><suffix>`."""
    return I18N_DIR / f"{CATALOGUE}_{language}{suffix}"


def font_families(language: str, available: Iterable[str], base: str) -> list[str]:
    """The app font's family list: Hangul everywhere, a Korean face first for Korean.

    Args:
        language: The UI language.
        available: Families installed (or loaded from `FONTS_DIR`).
        base: The platform's default family.

    Returns:
        Families in order of preference (Qt falls back along the list per character).
    """
    have = set(available)
    korean = [f for f in KOREAN_FONTS if f in have]
    # Korean text set in a Korean face throughout: Latin letters in it match the Hangul.
    # Other languages keep the platform face; Korean names and titles in the data still have glyphs.
    families = [*korean, base] if language == "ko" else [base, *korean]
    return list(dict.fromkeys(f for f in families if f))


def load_bundled_fonts() -> list[str]:
    """Register the fonts under `FONTS_DIR` with Qt; returns their families."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    if FONTS_DIR.is_dir() and not _loaded_fonts:
        for path in sorted(FONTS_DIR.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id < 0:
                    log.warning("cannot load the font %s", path)
                    continue
                families += QFontDatabase.applicationFontFamilies(font_id)
        _loaded_fonts.extend(families or ["(none)"])
    return families


def apply_font(app: Any, language: str) -> list[str]:
    """Set the app font to a family list that has Hangul (warns once when none is installed).

    Returns:
        The families set.
    """
    global _platform_family
    from PySide6.QtGui import QFontDatabase

    load_bundled_fonts()
    font = app.font()
    if _platform_family is None:  # before the first install changed it
        _platform_family = font.family()
    hangul = set(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
    families = font_families(language, hangul, _platform_family)
    if not any(f in hangul for f in families):
        log.warning("no font with Hangul is installed: Korean text shows as boxes "
                    "(install fonts-noto-cjk, or put a .ttf/.otf into %s)", FONTS_DIR)
        if hangul:  # some other face covers Hangul: use it rather than boxes
            families.append(sorted(hangul)[0])
    font.setFamilies(families)
    app.setFont(font)
    return families


def install(app: Any, language: str) -> str:
    """Install the translators for `language` on `app` (replacing earlier ones).

    Loads the app's catalogue and Qt's own (`qtbase_<lang>.qm`, for standard dialog
    buttons) and sets the app's layout direction and font.

    Args:
        app: The QApplication.
        language: A key of `LANGUAGES`.

    Returns:
        The language in effect (English when its catalogue cannot be loaded).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    uninstall(app)
    if language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}")
    own = QTranslator(app)
    if not own.load(str(catalogue_path(language))):
        log.warning("cannot load the %s catalogue %s; the app stays in English",
                    language, catalogue_path(language))
        language = SOURCE_LANGUAGE
        own.load(str(catalogue_path(language)))
    translators = [own]
    if language != SOURCE_LANGUAGE:
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_own)
    for translator in translators:
        if not translator.isEmpty():
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    apply_font(app, language)
    log.info("user interface language: %s", language)
    return language


def uninstall(app: Any) -> None:
    """Remove the translators `install` put on `app` (the app shows its source text again)."""
    while _installed:
        app.removeTranslator(_installed.pop())


def current_language() -> str:
    """The language of the installed catalogue ("en" when none is installed)."""
    for translator in _installed:
        code = _base(translator.language() or "")
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def system_ui_languages() -> list[str]:
    """The system's preferred UI languages, best first (from Qt)."""
    from PySide6.QtCore import QLocale

    return [str(x) for x in QLocale.system().uiLanguages()]
