"""The roles every table model answers (architecture rule 4), defined once.

``SORT_ROLE`` returns a native value to sort by; ``ENTITY_ROLE`` the row's record id.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
