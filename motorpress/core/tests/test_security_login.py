"""Passwords are hashed with Argon2 and the admin login throttles password guessing."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from motorpress.settings import security

PASSWORD = "correct horse battery staple"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)


@override_settings(PASSWORD_HASHERS=security.PASSWORD_HASHERS)
def test_a_new_users_password_is_stored_with_argon2(db):
    user = get_user_model().objects.create_user("reporter", password=PASSWORD)
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


def sign_in(client, password, *, username="editor", ip="203.0.113.7"):
    return client.post(
        LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip, follow=False
    )


def fail_five_times(client, **kwargs):
    for _ in range(5):
        response = sign_in(client, "wrong password", **kwargs)
        assert response.status_code in (200, 429)


def test_five_wrong_passwords_lock_the_right_one_out_with_a_clear_message(client, editor):
    fail_five_times(client)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_reach_other_users_or_other_addresses(client, editor):
    get_user_model().objects.create_user("reporter", password=PASSWORD, is_superuser=True)
    fail_five_times(client)
    assert sign_in(client, PASSWORD, ip="198.51.100.20").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, username="reporter").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 302
