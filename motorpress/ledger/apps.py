from django.apps import AppConfig


class LedgerConfig(AppConfig):
    """The claims ledger: what makers promised against what happened."""

    name = "motorpress.ledger"
    label = "ledger"

    def ready(self):
        from motorpress.ledger import signals  # noqa: F401 - connects the receivers
