"""Recording at the workstation: capture sources, crash-safe writer, recorder and recovery.

Everything here except `camera` (Qt Multimedia) and `form_widget` (the session
form) is Qt-free, so recording can
run (and be tested) headless. Import the submodules directly; this package does
not import PyAV, numpy-heavy code or Qt on its own.
"""
