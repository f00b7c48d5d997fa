"""manage.py compile_translations: build the .mo files from our .po catalogs with Babel.

Django's own compilemessages needs GNU gettext; this needs nothing beyond the venv, so
`make install` can run it on a fresh machine. The .mo files are build output (git-ignored).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motorpress.core.translations import CatalogError, compile_all


class Command(BaseCommand):
    help = "Compile the project's .po catalogs (LOCALE_PATHS) to .mo with Babel."

    def handle(self, *args, **options):
        try:
            written = compile_all(settings.LOCALE_PATHS)
        except CatalogError as error:
            raise CommandError(str(error)) from error
        for path in written:
            self.stdout.write(f"compiled {path.relative_to(settings.BASE_DIR)}")
