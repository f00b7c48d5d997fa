from hypothesis import given
from hypothesis import strategies as st

from motorpress.core.readtime import count_words, read_time_label, read_time_minutes


def test_english_words_are_read_at_about_200_a_minute():
    assert read_time_minutes("word " * 200) == 1
    assert read_time_minutes("word " * 1000) == 5
    assert read_time_minutes("word " * 2150) == 11


def test_half_a_minute_rounds_up_and_less_rounds_down():
    assert read_time_minutes("word " * 500) == 3  # 2.5 minutes
    assert read_time_minutes("word " * 499) == 2


def test_punctuation_and_contractions_do_not_split_words():
    assert count_words("Rs 1.88 lakh (ex-showroom), it's Suzuki\u2019s first EV!") == (8, 0)
    assert count_words("18,001 cars") == (2, 0)


def test_hindi_words_keep_their_vowel_signs():
    # A naive \w+ splits these at every matra and virama and counts 13 "words".
    assert count_words("इलेक्ट्रिक स्कूटर की असली रेंज") == (0, 5)


def test_hindi_text_is_read_slower_than_english():
    hindi = "स्कूटर " * 360
    assert read_time_minutes(hindi) == 2
    assert read_time_minutes("scooter " * 360) == 2  # 1.8 minutes
    assert read_time_minutes("स्कूटर " * 450) == 3  # 2.5 minutes at 180 a minute


def test_mixed_script_text_adds_both_parts():
    assert count_words("Suzuki e-Access की रेंज 95 km है") == (4, 3)


def test_empty_body_is_still_one_minute():
    assert read_time_minutes("") == 1
    assert read_time_minutes("   \n ") == 1


def test_very_long_body():
    assert read_time_minutes("word " * 100_000) == 500


def test_labels_match_the_reference_rail():
    assert read_time_label(1) == "1 min read"
    assert read_time_label(2) == "2 mins read"
    assert read_time_label(11) == "11 mins read"


@given(st.text(max_size=3000), st.text(max_size=3000))
def test_read_time_is_at_least_one_and_never_shrinks_when_text_is_added(first, second):
    alone = read_time_minutes(first)
    assert alone >= 1
    assert read_time_minutes(first + " " + second) >= alone
