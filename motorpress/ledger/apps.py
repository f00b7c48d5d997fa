from django.apps import AppConfig


class LedgerConfig(AppConfig):
    """The claims ledger: what makers promised against what happened."""

    name = "motorpress.ledger"
    label = "ledger"
