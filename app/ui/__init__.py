"""The PySide6 desktop UI: windows, Qt models, actions and undo commands over app.core."""
