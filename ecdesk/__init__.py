"""ecdesk: online store orders into AutoCount accounting."""

__version__ = "0.1.0"
