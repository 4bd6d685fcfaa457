"""The clerk's window (PySide6) over ``ecdesk.service``: tabs, the held-orders grid,
background runs (``workers.py``) and the scheduler. Nothing here touches SQLAlchemy or httpx."""
