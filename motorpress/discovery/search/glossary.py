"""The words Hindi readers type in Latin letters and Hindi writers print in Devanagari.

Hindi auto journalism writes English loanwords in Devanagari ("स्कूटर", "रेंज"), while readers
on Latin keyboards search "scooter" or "range"; and the English edition's readers may paste a
Hindi word. Each query word found here also searches its counterpart in the other script, so
either spelling finds either edition's stories. Vehicle names need no entry: a story's index
holds the names of the vehicles it is attached to, in the catalogue's Latin spelling.

Kept short and specific to the trade on purpose: a general transliterator would turn every
English word into a guess ("price" into "प्राइस", which no Hindi story prints: it says "कीमत").
"""

import unicodedata

# Latin word -> the Devanagari forms Hindi auto stories print (NFC).
LATIN_TO_DEVANAGARI = {
    "scooter": ("स्कूटर",),
    "scooters": ("स्कूटर",),
    "motorcycle": ("मोटरसाइकिल",),
    "motorcycles": ("मोटरसाइकिल",),
    "bike": ("बाइक",),
    "bikes": ("बाइक",),
    "car": ("कार",),
    "cars": ("कार",),
    "electric": ("इलेक्ट्रिक",),
    "ev": ("ईवी",),
    "battery": ("बैटरी",),
    "range": ("रेंज",),
    "price": ("कीमत",),
    "prices": ("कीमत",),
    "launch": ("लॉन्च",),
    "launched": ("लॉन्च",),
    "review": ("रिव्यू",),
    "reviews": ("रिव्यू",),
    "mileage": ("माइलेज",),
    "sales": ("बिक्री",),
    "production": ("प्रोडक्शन", "उत्पादन"),
    "discount": ("छूट", "डिस्काउंट"),
    "discounts": ("छूट", "डिस्काउंट"),
    "offer": ("ऑफ़र",),
    "offers": ("ऑफ़र",),
    "charging": ("चार्जिंग",),
    "hybrid": ("हाइब्रिड",),
    "suzuki": ("सुज़ुकी",),
    "tvs": ("टीवीएस",),
    "xiaomi": ("शाओमी",),
    "yamaha": ("यामाहा",),
    "ktm": ("केटीएम",),
    "toyota": ("टोयोटा",),
    "mahindra": ("महिंद्रा",),
    "maruti": ("मारुति",),
    "orbiter": ("ऑर्बिटर",),
    "e-access": ("ई-एक्सेस",),
    "access": ("एक्सेस",),
}


def _devanagari_index() -> dict[str, tuple[str, ...]]:
    reverse: dict[str, list[str]] = {}
    for latin, forms in LATIN_TO_DEVANAGARI.items():
        for form in forms:
            reverse.setdefault(form, [])
            if not latin.endswith("s") or latin[:-1] not in LATIN_TO_DEVANAGARI:
                reverse[form].append(latin)
    return {form: tuple(latins) for form, latins in reverse.items()}


DEVANAGARI_TO_LATIN = _devanagari_index()


def counterparts(term: str) -> tuple[str, ...]:
    """The other script's spellings of one query word ("scooter" -> "स्कूटर"); () if none."""
    key = unicodedata.normalize("NFC", term).casefold()
    return LATIN_TO_DEVANAGARI.get(key) or DEVANAGARI_TO_LATIN.get(key, ())
