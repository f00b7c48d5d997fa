"""The newsroom's roles are applied exactly as declared, and applying them twice changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from motorpress.core.roles import CONTRIBUTORS, EDITORS, ensure_roles
from motorpress.newsroom.services import site_structure_ensure


def _state() -> dict:
    """Every group's model, page and collection permissions, as comparable sets."""
    return {
        group.name: (
            {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()},
            {
                (row.page_id, row.permission.codename)
                for row in GroupPagePermission.objects.filter(group=group)
            },
            {
                (row.collection_id, row.permission.codename)
                for row in GroupCollectionPermission.objects.filter(group=group)
            },
        )
        for group in Group.objects.all()
    }


@pytest.fixture
def home(db):
    return site_structure_ensure().home


def test_groups_get_what_the_roles_declare_on_the_home_page(home):
    ensure_roles()
    state = _state()
    for role in (CONTRIBUTORS, EDITORS):
        permissions, pages, collections = state[role.name]
        assert permissions == set(role.permissions)
        assert pages == {(home.pk, f"{kind}_page") for kind in role.page_permissions}
        assert {codename for _, codename in collections} == {
            f"{kind}_image" for kind in role.image_permissions
        }
    assert "wagtailcore.publish_page" not in state["Contributors"][0]
    assert (home.pk, "publish_page") not in state["Contributors"][1]


def test_running_it_again_changes_nothing(home):
    first = ensure_roles()
    before = _state()
    second = ensure_roles()
    assert _state() == before
    assert first.groups_created == ["Contributors", "Editors"]
    assert second.groups_created == []
    assert second.missing_permissions == []


def test_wagtails_editors_group_is_reused_and_hand_made_grants_are_removed(home):
    # What Wagtail's first migration leaves: "Editors" may add and edit from the tree root.
    editors = Group.objects.create(name="Editors")
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="change")
    editors.permissions.add(Permission.objects.get(codename="add_user"))
    member = get_user_model().objects.create_user("desk", "desk@example.com", "pw")
    member.groups.add(editors)

    ensure_roles()

    assert Group.objects.filter(name="Editors").count() == 1
    assert member.groups.filter(name="Editors").exists()
    _, pages, _ = _state()["Editors"]
    assert {page_id for page_id, _ in pages} == {home.pk}
    assert not member.has_perm("auth.add_user")
    assert member.has_perm("newsroom.change_author")


def test_without_a_site_page_grants_wait_for_the_next_run(db):
    report = ensure_roles()
    assert report.home_page_id is None
    assert not GroupPagePermission.objects.exists()
    assert Group.objects.get(name="Contributors").permissions.filter(codename="access_admin")


def test_the_management_command_applies_the_roles(home):
    out = StringIO()
    call_command("ensure_roles", stdout=out)
    assert "Roles applied: Contributors, Editors" in out.getvalue()
    assert GroupPagePermission.objects.filter(group__name="Editors", page=home).exists()


def test_editors_can_approve_what_contributors_submit_for_moderation(home):
    from wagtail.models import GroupApprovalTask

    from motorpress.newsroom.tests.factories import create_article

    # As Wagtail's first migration leaves it: an approval task for a group nobody is in.
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])
    ensure_roles()
    ensure_roles()  # adding twice changes nothing

    editor = get_user_model().objects.create_user("desk", "desk@example.com", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS.name))
    contributor = get_user_model().objects.create_user("stringer", "s@example.com", "pw")
    contributor.groups.add(Group.objects.get(name=CONTRIBUTORS.name))
    story = create_article(site_structure_ensure().sections["news"], publish=False)

    assert set(task.groups.values_list("name", flat=True)) == {"Moderators", EDITORS.name}
    assert "approve" in {name for name, _, _ in task.get_actions(story, editor)}
    assert task.get_actions(story, contributor) == []


def test_every_editions_home_page_gets_the_same_grants(db):
    from motorpress.newsroom.services import edition_structure_ensure

    site = site_structure_ensure()
    hindi = edition_structure_ensure(
        default=site,
        language_code="hi",
        home_title="मोटरप्रेस हिंदी",
        tagline="ऑटो ख़बरें",
        sections={"news": ("ख़बरें", "ताज़ा ख़बरें")},
    )
    ensure_roles()
    before = _state()
    ensure_roles()
    assert _state() == before
    _permissions, pages, _collections = before["Editors"]
    for home in (site.home, hindi.home):
        assert {(home.pk, f"{kind}_page") for kind in EDITORS.page_permissions} <= pages
    assert "simple_translation.submit_translation" in before["Editors"][0]
    editor = get_user_model().objects.create_user("hindi-desk")
    editor.groups.add(Group.objects.get(name="Editors"))
    section = Page.objects.get(pk=hindi.sections["news"].pk)
    assert section.permissions_for_user(editor).can_add_subpage()
    assert section.permissions_for_user(editor).can_publish()
