"""What an import brought in, so that importing the same export again changes nothing."""

from django.db import models


class ImportedItem(models.Model):
    """One thing taken from an external system, keyed by that system's own identifier.

    `source` names the system (a WordPress site's base URL), `kind` what the item was there
    (post, page, author, attachment) and `external_id` its identifier (a post ID, a login).
    Exactly one of the foreign keys points at what it became here; when that is deleted the
    row stays (foreign key cleared) so a later import does not bring back what an editor removed.
    """

    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        AUTHOR = "author", "Author"
        ATTACHMENT = "attachment", "Attachment"

    source = models.CharField(max_length=255)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    external_id = models.CharField(max_length=255)
    # A second key to match on, e.g. an author's email when the login differs between sites.
    secondary_key = models.CharField(max_length=255, blank=True, db_index=True)
    # Hash of the item as it was imported: tells "unchanged" from "changed in the source since".
    fingerprint = models.CharField(max_length=64, blank=True)
    # A story (ArticlePage) for a post, a standing page (StandardPage) for a WordPress page.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        "newsroom.Author", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "external_id"], name="unique_imported_item"
            )
        ]

    def __str__(self):
        return f"{self.source} {self.kind} {self.external_id}"


class ImportedHtmlPage(models.Model):
    """A saved HTML article that `import_html` turned into a draft.

    Keyed by the page's canonical URL when it declares one, and always by a hash of its title
    and body text, so the same article saved twice (even with a different "Latest News" rail
    around it) is recognised and not imported again. The page link is cleared, not the row
    deleted, when an editor deletes the draft: a later run does not bring it back.
    """

    canonical_url = models.URLField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    source_name = models.CharField(max_length=255, help_text="The file it was imported from.")
    page = models.ForeignKey(
        "newsroom.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~models.Q(canonical_url=""),
                name="unique_imported_html_canonical_url",
            )
        ]

    def __str__(self):
        return self.canonical_url or self.source_name
