import json

from motorpress.core.templatetags.motorpress_tags import jsonld


def test_a_headline_cannot_close_the_script_element():
    text = jsonld({"headline": "</script><script>alert(1)</script> & <!--"})
    assert "</script" not in text.lower()
    assert "<!--" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_non_latin_text_is_kept_readable():
    text = jsonld({"headline": "इलेक्ट्रिक स्कूटर"})
    assert "इलेक्ट्रिक" in text
