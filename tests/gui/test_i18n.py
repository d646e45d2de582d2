"""The app's translations: complete catalogues, in step with the sources, and the app in Korean.

Fails when a user-visible string is not translated in a shipped language: a message
left "unfinished" in a `.ts`, a string in the sources that `pyside6-lupdate` finds but
the `.ts` lacks (run scripts/update-translations.sh), a `.qm` older than its `.ts`, a
placeholder lost in translation, or a literal handed to a widget without `tr()`.
"""

from __future__ import annotations

import ast
import contextlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from capture_app import i18n
from capture_app.prefs import Prefs
from indexing.errors import SettingError

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "capture_app"
FULL = ("ko",)  # every string translated
PLURAL_ONLY = ("en",)  # the source language: only the "%n" plural forms
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")

Key = tuple[str, str]  # (context, source)


def _tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: it comes with PySide6 (pip install PySide6)")
    return found


def _messages(ts: Path) -> dict[Key, ET.Element]:
    out: dict[Key, ET.Element] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source", ""))] = msg
    return out


def _translations(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    assert tr is not None
    if msg.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


def _unfinished(ts: Path, only_numerus: bool) -> list[Key]:
    bad = []
    for key, msg in _messages(ts).items():
        if only_numerus and msg.get("numerus") != "yes":
            continue
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") \
                or not all(t.strip() for t in _translations(msg)):
            bad.append(key)
    return bad


@pytest.mark.parametrize("lang", FULL + PLURAL_ONLY)
def test_shipped_catalogue_is_complete(lang):
    ts = i18n.catalogue_path(lang, ".ts")
    messages = _messages(ts)
    assert len(messages) > (200 if lang in FULL else 5)
    assert _unfinished(ts, only_numerus=lang in PLURAL_ONLY) == []
    assert ET.parse(ts).getroot().get("language") == lang
    for (ctx, source), msg in messages.items():
        for text in _translations(msg):
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (ctx, source, text)


def test_korean_is_really_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    messages = _messages(i18n.catalogue_path("ko", ".ts"))
    # Names, numbers and symbols may stay as they are; words may not.
    untouched = [k for k, m in messages.items() if not any(hangul.search(t) for t in _translations(m))
                 and re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>|\{[a-z_]+\}|khb-pub|\.khb|fps", "", k[1]))]
    assert untouched == []


def test_catalogues_cover_the_current_sources(tmp_path):
    """`pyside6-lupdate` over capture_app finds exactly the strings of the shipped .ts files."""
    sources = sorted(str(p) for p in APP.rglob("*.py") if "__pycache__" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    run = subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    extracted = _messages(fresh)
    numerus = {k for k, m in extracted.items() if m.get("numerus") == "yes"}
    for lang in FULL:
        shipped = set(_messages(i18n.catalogue_path(lang, ".ts")))
        assert sorted(set(extracted) - shipped) == [], f"run scripts/update-translations.sh, then translate ({lang})"
        assert sorted(shipped - set(extracted)) == [], f"stale strings: run scripts/update-translations.sh ({lang})"
    for lang in PLURAL_ONLY:
        assert set(_messages(i18n.catalogue_path(lang, ".ts"))) == numerus, lang


@pytest.mark.parametrize("lang", FULL + PLURAL_ONLY)
def test_compiled_catalogue_matches_its_source(tmp_path, lang):
    out = tmp_path / f"{lang}.qm"
    run = subprocess.run([_tool("pyside6-lrelease"), "-silent", str(i18n.catalogue_path(lang, ".ts")),
                          "-qm", str(out)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == i18n.catalogue_path(lang).read_bytes(), "run scripts/update-translations.sh"


# A literal handed straight to one of these is text the user sees without a translation.
SINKS = {"setText": 0, "setPlaceholderText": 0, "setToolTip": 0, "setWindowTitle": 0, "addItem": 0,
         "addRow": 0, "showMessage": 0, "insertItem": 1, "addTab": 1, "insertTab": 2, "setTabText": 1,
         "setPrefix": 0, "setSuffix": 0, "setTitle": 0, "setStatusTip": 0, "QLabel": 0, "QPushButton": 0,
         "QCheckBox": 0, "QRadioButton": 0, "QGroupBox": 0, "QAction": 0, "addAction": 0, "info": 0,
         "warning": 0, "error": 0, "_message": 1, "_label": 0, "_check": 0, "_group": 0, "placeholder": 0,
         "Task": 0, "set_busy": 1, "drawText": -1, "RecordingError": 0, "CaptureError": 0,
         "RecoveryError": 0, "ExportError": 0}
_WORD = re.compile(r"[^\W\d_]{2,}")
_TAG = re.compile(r"<[^>]*>")


def _literal(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) + _literal(node.right)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) + _literal(node.orelse)
    return ""


def untranslated_literals(root: Path) -> list[str]:
    """`file:line: call('text')` for each literal with words handed to a widget or message unwrapped."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name not in SINKS or (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
                                     and f.value.id in ("log", "logging", "logger", "warnings")):
                continue
            index = SINKS[name]
            if index >= len(node.args):
                continue
            text = _literal(node.args[index])
            if _WORD.search(_TAG.sub("", text)):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {name}({text!r})")
    return found


def test_no_user_visible_literal_bypasses_tr(tmp_path):
    assert untranslated_literals(APP) == []
    # and the check itself sees one
    bad = tmp_path / "pkg" / "view.py"
    bad.parent.mkdir()
    bad.write_text("def f(w, messages):\n    w.setText(f'Saved {3} steps')\n    messages.info('Done')\n"
                   "    w.setText(w.tr('Fine'))\n", encoding="utf-8")
    assert untranslated_literals(bad.parent) == ["pkg/view.py:2: setText('Saved  steps')",
                                                 "pkg/view.py:3: info('Done')"]


# -- choosing the language ---------------------------------------------------------------------
@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("auto", ["ko-KR", "en-US"], "ko"),
    ("", ["de-DE", "ko"], "ko"),
    (None, ["de-DE", "fr-FR"], "en"),
    ("auto", ["C"], "en"),
    ("ko_KR", ["en-US"], "ko"),
    ("en", ["ko-KR"], "en"),
])
def test_resolve_language(setting, system, expected):
    assert i18n.resolve_language(setting, system) == expected


def test_an_unshipped_language_is_a_clear_error():
    with pytest.raises(ValueError, match="ui_language must be auto or one of en, ko, got 'xx'"):
        i18n.resolve_language("xx", ["ko-KR"])


def test_ui_language_setting_order(tmp_path, monkeypatch):
    prefs = Prefs(tmp_path / "app.json")
    monkeypatch.delenv("KNOWHOW_UI_LANGUAGE", raising=False)
    assert prefs.setting("ui_language") == "auto"
    prefs.set("ui_language", "ko")
    assert prefs.setting("ui_language") == "ko"
    monkeypatch.setenv("KNOWHOW_UI_LANGUAGE", "en")
    assert prefs.setting("ui_language") == "en"
    assert prefs.setting("ui_language", "ko") == "ko"
    prefs.set("ui_language", "Klingon")
    monkeypatch.delenv("KNOWHOW_UI_LANGUAGE")
    with pytest.raises(SettingError, match=r"must be one of auto, en, ko, got 'Klingon' \(from .*app.json\)"):
        prefs.setting("ui_language")


def test_app_refuses_an_unknown_ui_language(capsys):
    from capture_app.__main__ import main

    assert main(["--ui-language", "xx", "--screenshot", "unused"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "knowhow-app: setting ui_language must be one of auto, en, ko, got 'xx' (from the command line)"]


def test_font_families_put_hangul_first_for_korean():
    have = {"Noto Sans CJK KR", "Malgun Gothic", "DejaVu Sans"}
    assert i18n.font_families("ko", have, "DejaVu Sans") == ["Noto Sans CJK KR", "Malgun Gothic", "DejaVu Sans"]
    assert i18n.font_families("en", have, "DejaVu Sans") == ["DejaVu Sans", "Noto Sans CJK KR", "Malgun Gothic"]
    assert i18n.font_families("ko", set(), "Sans") == ["Sans"]


# -- the app in Korean ---------------------------------------------------------------------------
@pytest.fixture
def korean(qapp):
    assert i18n.install(qapp, "ko") == "ko"
    yield
    i18n.install(qapp, "en")


def test_the_app_speaks_korean(qtbot, tiny_library, korean, qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontDatabase

    from capture_app.app import MainWindow

    monkeypatch.setenv("KNOWHOW_CONFIG_DIR", str(tmp_path / "config"))  # no remembered form
    win = MainWindow(tiny_library)
    qtbot.addWidget(win)
    try:
        assert list(win.views) == ["Record", "Library", "Review", "Search", "Export", "Coverage"]  # keys stay
        assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == ["녹화", "라이브러리", "검토", "검색", "내보내기",
                                                                      "지식 현황"]
        model = win.views["Library"].model
        assert model.headerData(0, Qt.Orientation.Horizontal) == "제목"
        assert model.data(model.index(0, 1)) == "검토 필요"
        record = win.views["Record"]
        assert record.record_button.text() == "● 녹화 시작"
        assert record.form_values()["language"] == "ko"  # a Korean app records Korean narration by default
        assert [b.text().split("\n")[0] for b in record.marker_buttons.values()] == ["다음 단계", "요령", "주의"]
        review = win.show_view("Review")
        review.load_session(review.session_box.itemData(0))
        assert review.category_box.currentText() == "안전" and review.editor_values()["category"] == "safety"
        assert review.step_heading.text().startswith("3단계 중 1단계 · ")
        search = win.views["Search"]
        search._on_results(search._generation, "볼트", [])
        assert search.status.text() == "“볼트”에 맞는 결과가 없습니다. 다른 말로 묻거나 필터를 줄여 보세요."
        export = win.views["Export"]
        assert export.export_button.text() == "내보내기"
        assert i18n.current_language() == "ko"
        if QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
            assert qapp.font().families()[0] in i18n.KOREAN_FONTS
    finally:
        win.shutdown()


@contextlib.contextmanager
def _tablet_window(qtbot, qapp, library, lang: str):  # type: ignore[no-untyped-def]
    """The main window at the tablet's 1280x800, with the app's touch style and `lang`'s font, shown."""
    from capture_app.app import MainWindow
    from capture_app.widgets.common import apply_style

    sheet, font = qapp.styleSheet(), qapp.font()
    apply_style(qapp)  # the touch sizes the app runs with
    i18n.apply_font(qapp, lang)
    win = MainWindow(library, source="generated")
    qtbot.addWidget(win)
    try:
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        yield win
    finally:
        win.shutdown()
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


def test_korean_views_fit_a_tablet(qtbot, tiny_library, korean, qapp):
    """Every view's smallest layout in Korean fits the 1280x800 screen of the target tablet, recording too."""
    with _tablet_window(qtbot, qapp, tiny_library, "ko") as win:
        for name, view in win.views.items():
            win.tabs.setCurrentWidget(view)
            need = win.minimumSizeHint()
            assert need.width() <= 1280 and need.height() <= 800, (name, need)
        record = win.show_view("Record")
        record.session_recorded.disconnect(win._on_session_recorded)  # no ingest of this take
        qtbot.waitUntil(lambda: record.recorder is not None and record.recorder.latest_frame is not None,
                        timeout=20000)
        for key, value in {"title": "4번 프레스 금형 교체", "expert": "김민준", "workstation": "P4"}.items():
            record.fields[key].setText(value)
        record.consent.setChecked(True)
        record._on_record_clicked()
        assert record.recorder.state == "recording" and record.pause_button.text() == "일시 정지"
        for kind in ("step", "tip", "warning"):
            assert record.add_marker(kind) is not None
        assert record.note.isVisible() and record.marker_list.item(0).text().endswith("주의")
        need = win.minimumSizeHint()
        assert need.width() <= 1280 and need.height() <= 800, ("recording", need)
        record._on_stop_clicked()
        qtbot.waitUntil(lambda: record._stop_thread is None, timeout=30000)


def _clipped_buttons(win) -> list[tuple[str, str, int, int]]:  # type: ignore[no-untyped-def]
    """Visible buttons of the current view narrower than their text needs: (view, text, width, needed)."""
    from PySide6.QtWidgets import QPushButton

    out = []
    for button in win.tabs.currentWidget().findChildren(QPushButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width() - 2:
            out.append((win.tabs.tabText(win.tabs.currentIndex()), button.text(), button.width(),
                        button.sizeHint().width()))
    return out


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_button_text_is_cut_at_1280x800(qtbot, tiny_library, qapp, lang):
    """A gloved user reads the whole label: no button of any view is squeezed below its text."""
    assert i18n.install(qapp, lang) == lang
    try:
        with _tablet_window(qtbot, qapp, tiny_library, lang) as win:
            clipped = []
            for view in win.views.values():
                win.tabs.setCurrentWidget(view)
                qapp.processEvents()
                clipped += _clipped_buttons(win)
            assert clipped == []
    finally:
        i18n.install(qapp, "en")


def _small_controls(win) -> list[tuple[str, str, str, int, int]]:  # type: ignore[no-untyped-def]
    """Visible controls of the current view a gloved finger cannot hit: (view, class, text, width, height)."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    from capture_app.widgets.common import TARGET_PX

    out = []
    view = win.tabs.currentWidget()
    for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit):
        for w in view.findChildren(kind):
            if kind is QLineEdit and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the text field inside a spin box or combo box: its parent is the target
            if w.isVisible() and min(w.width(), w.height()) < TARGET_PX - 4:
                text = w.text() if hasattr(w, "text") else ""
                out.append((win.tabs.tabText(win.tabs.currentIndex()), type(w).__name__, text,
                            w.width(), w.height()))
    return out


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_control_is_a_touch_target_at_1280x800(qtbot, tiny_library, qapp, lang):
    """Buttons, fields, boxes and date pickers of every view are big enough for gloved hands."""
    assert i18n.install(qapp, lang) == lang
    try:
        with _tablet_window(qtbot, qapp, tiny_library, lang) as win:
            small = []
            for view in win.views.values():
                win.tabs.setCurrentWidget(view)
                qapp.processEvents()
                small += _small_controls(win)
            assert small == []
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_pane_is_cut_at_its_right_edge_at_1280x800(qtbot, tiny_library, qapp, lang):
    """A pane that never scrolls sideways is at least as wide as what it holds (else its right side is cut)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    assert i18n.install(qapp, lang) == lang
    try:
        with _tablet_window(qtbot, qapp, tiny_library, lang) as win:
            cut = []
            for name, view in win.views.items():
                win.tabs.setCurrentWidget(view)
                qapp.processEvents()
                for area in view.findChildren(QScrollArea):
                    if (area.isVisible() and area.widget() is not None
                            and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                            and area.widget().minimumSizeHint().width() > area.viewport().width()):
                        cut.append((name, area.widget().minimumSizeHint().width(), area.viewport().width()))
            assert cut == []
    finally:
        i18n.install(qapp, "en")
