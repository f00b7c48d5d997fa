"""The newsroom's roles, declared here and applied to the database by `ensure_roles()`.

Three roles:
- Contributors write: they reach the admin, add pages under the home page and edit them,
  and choose or upload images; they cannot publish, so every story they write waits for an
  editor.
- Editors run the desk: everything a contributor does plus editing anyone's page,
  publishing and unpublishing, locking, approving contributors' submissions, and keeping the
  reference data (authors, the catalogue and the claims ledger).
- Admins are superusers; Django grants them everything, so no group describes them.

The declaration is authoritative: `ensure_roles()` makes each named group hold exactly what is
written here, removing anything granted by hand in the admin. Change a role by editing this
file, then run `manage.py ensure_roles` (the demo loader and a data migration also run it).

This module names other apps' models only as "app_label.codename" strings: core imports no app.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.db import transaction

ADMIN_ACCESS = "wagtailadmin.access_admin"

# A snippet is managed with these four model permissions ("view" lets the admin list it).
_MANAGE = ("add", "change", "delete", "view")


def _manage(*labels: str) -> tuple[str, ...]:
    return tuple(
        f"{app_label}.{action}_{model}"
        for app_label, model in (label.split(".") for label in labels)
        for action in _MANAGE
    )


@dataclass(frozen=True)
class Role:
    """One group: its model permissions, its page permissions on the home page (Wagtail's
    page permission types) and its image permissions on the root collection."""

    name: str
    permissions: tuple[str, ...]
    page_permissions: tuple[str, ...] = ()
    image_permissions: tuple[str, ...] = ()


CONTRIBUTORS = Role(
    name="Contributors",
    permissions=(ADMIN_ACCESS,),
    # "add" lets a contributor create pages and edit the ones they own, never publish them.
    page_permissions=("add",),
    image_permissions=("add", "choose"),
)

# Wagtail's first migration creates "Editors" (add and edit on the tree root, no publish) and
# "Moderators" (add, edit, publish). We reuse "Editors" rather than add a third name beside
# them: the word means what a newsroom means by it, and anyone an administrator had already
# put in that group keeps their membership. Its permissions are rewritten to the newsroom's,
# which adds publishing and moves the grant from the tree root to the home page.
# "Moderators" is left alone: nothing here uses it, and removing a group could drop members.
EDITORS = Role(
    name="Editors",
    permissions=(
        ADMIN_ACCESS,
        *_manage("newsroom.author"),
        *_manage(
            "catalogue.make",
            "catalogue.vehiclemodel",
            "catalogue.variant",
            "catalogue.pricepoint",
            "catalogue.offer",
            "catalogue.salesfigure",
        ),
        *_manage("ledger.claim", "ledger.outcome"),
        # simple_translation's "Translate" action: a page copied into the other edition.
        "simple_translation.submit_translation",
    ),
    # Wagtail's unpublish action is covered by "publish"; "unlock" frees pages others locked.
    page_permissions=("add", "change", "publish", "lock", "unlock"),
    image_permissions=("add", "change", "choose", "delete"),
)

ROLES = (CONTRIBUTORS, EDITORS)


@dataclass
class RolesReport:
    groups_created: list[str] = field(default_factory=list)
    # Set when no default Site exists yet: page permissions wait for the next run.
    home_page_id: int | None = None
    missing_permissions: list[str] = field(default_factory=list)


def _labels(role: Role) -> tuple[list[str], list[str], list[str]]:
    return (
        list(role.permissions),
        [f"wagtailcore.{kind}_page" for kind in role.page_permissions],
        [f"wagtailimages.{kind}_image" for kind in role.image_permissions],
    )


def _permissions(Permission, labels: set[str]) -> dict:
    """The Permission rows for "app_label.codename" labels, in one query."""
    codenames = {label.split(".")[1] for label in labels}
    rows = Permission.objects.filter(codename__in=codenames).select_related("content_type")
    found = {f"{row.content_type.app_label}.{row.codename}": row for row in rows}
    return {label: found[label] for label in labels if label in found}


def _home_page_id(apps) -> int | None:
    """The default Site's root page: the page every newsroom page sits under."""
    Site = apps.get_model("wagtailcore", "Site")
    return Site.objects.filter(is_default_site=True).values_list("root_page_id", flat=True).first()


def _edition_home_ids(apps, home_page_id: int | None) -> list[int]:
    """The home page and its translations: each edition's tree is granted alike."""
    if home_page_id is None:
        return []
    Page = apps.get_model("wagtailcore", "Page")
    key = Page.objects.filter(pk=home_page_id).values_list("translation_key", flat=True)
    return list(Page.objects.filter(translation_key__in=key).values_list("pk", flat=True))


def _root_collection(apps):
    return apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()


def _sync(model, group, target: dict, wanted: set) -> None:
    """Make `group`'s rows of `model` (a group-to-object permission table) for one object
    (`target`) exactly `wanted`."""
    existing = model.objects.filter(group=group, **target)
    stale = existing.exclude(**target, permission__in=wanted) if wanted else existing
    stale.delete()
    for permission in wanted:
        model.objects.get_or_create(group=group, permission=permission, **target)


@transaction.atomic
def ensure_roles(*, apps=global_apps) -> RolesReport:
    """Create or update the newsroom's groups to match ROLES; running it again changes nothing.

    `apps` is the model registry: the default at runtime, the historical one in a migration.
    A permission that does not exist yet (its app's post-migrate step has not run) is
    reported in `missing_permissions` and skipped rather than failing.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    report = RolesReport(home_page_id=_home_page_id(apps))
    root_collection = _root_collection(apps)
    wanted = {label for role in ROLES for labels in _labels(role) for label in labels}
    known = _permissions(Permission, wanted)
    report.missing_permissions = sorted(wanted - set(known))

    for role in ROLES:
        group, created = Group.objects.get_or_create(name=role.name)
        if created:
            report.groups_created.append(role.name)
        model_labels, page_labels, image_labels = _labels(role)
        group.permissions.set([known[label] for label in model_labels if label in known])

        pages = {known[label] for label in page_labels if label in known}
        homes = _edition_home_ids(apps, report.home_page_id)
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=homes).delete()
        for home_id in homes:
            _sync(GroupPagePermission, group, {"page_id": home_id}, pages)

        images = {known[label] for label in image_labels if label in known}
        if root_collection is None:
            images = set()
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection_id=getattr(root_collection, "pk", None)
        ).delete()
        _sync(
            GroupCollectionPermission,
            group,
            {"collection_id": getattr(root_collection, "pk", None)},
            images,
        )
        if role is EDITORS:
            _approve_submissions(apps, group)
    return report


def _approve_submissions(apps, editors) -> None:
    """A contributor's "Submit for moderation" goes to Wagtail's group approval tasks (on a
    fresh install, the "Moderators approval" task, whose group has no members): editors are
    who approves in a newsroom, so they join every active approval task. Groups added there by
    hand stay; this only adds."""
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(active=True):
        task.groups.add(editors)
