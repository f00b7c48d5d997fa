"""The API speaks English whatever the request's language: one cached answer serves every
reader, and its clients parse its labels. The Hindi edition translates pages only."""

from django.utils import translation


def test_api_answers_in_english_even_when_the_request_runs_in_hindi(api):
    with translation.override("hi"):
        model = api("/models/suzuki/e-access", **{"Accept-Language": "hi"}).json()
        claims = api("/claims?status=late").json()["items"]
        quote = api("/models/suzuki/e-access/on-road?city=pune").json()["quotes"][0]
        compare = api("/compare?vehicles=ktm-rc-160&vehicles=yamaha-r15").json()
    assert model["price_display"] == "Rs 1.88 lakh"
    assert model["variants"][0]["current_price_display"] == "₹1,88,000"
    assert claims[0]["status"]["label"].startswith("Late by ")
    assert claims[0]["metric_label"] == "Launch"
    assert [line["label"] for line in quote["lines"]][:2] == ["Ex-showroom", "Road tax"]
    engine = next(row for row in compare["rows"] if row["label"] == "Engine")
    assert [cell["display"] for cell in engine["cells"]] == ["164 cc", "155 cc"]


def test_the_api_does_not_leave_the_language_changed(api):
    with translation.override("hi"):
        api("/claims?status=late")
        assert translation.get_language() == "hi"
