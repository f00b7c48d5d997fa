"""Generated benchmark copy: titles, teasers and short bodies from template sentences.

Every story says it is generated benchmark content; none of it reports a real event.
"""

import random
import uuid

MARK = "Generated benchmark content."

MAKE_NAMES = [
    "Aravali", "Brisa", "Corvel", "Dhruvan", "Ekantra", "Falcona", "Gaurika", "Hansel",
    "Indrion", "Jyotix", "Kaverra", "Lumenta", "Meruva", "Nilgra", "Orvanta", "Pavani",
    "Quovix", "Rudrak", "Sahyra", "Tejora", "Udayan", "Vayuka", "Westar", "Yatrion", "Zeffra",
]  # fmt: skip
MODEL_STEMS = [
    "Aster", "Blaze", "Comet", "Drift", "Ember", "Flare", "Glide", "Harbor", "Ion", "Jolt",
    "Kite", "Lyric", "Monsoon", "Nova", "Orbit", "Pulse", "Quill", "Ridge", "Surge", "Tide",
]  # fmt: skip
COLOURS = ["matte grey", "racing red", "pearl white", "forest green", "midnight blue"]
CITIES = ["Pune", "Chennai", "Bengaluru", "Delhi", "Mumbai", "Hyderabad", "Kolkata", "Jaipur"]
FIRST_NAMES = ["Asha", "Vikram", "Meera", "Rohan", "Kavya", "Arjun", "Nisha", "Dev", "Leela"]
LAST_NAMES = ["Menon", "Kulkarni", "Iyer", "Sethi", "Bose", "Reddy", "Gill", "Nair", "Desai"]

TITLES = {
    "news": "{vehicle} gets a {colour} edition in {city}",
    "launch": "{vehicle} launched at Rs {price} lakh",
    "offers": "{vehicle} offers: benefits up to Rs {offer:,} this month",
    "sales": "{make} sells {units:,} units in a month, led by the {model}",
    "review": "{vehicle} review: {figure} and a {colour} finish",
    "road_test": "{vehicle} road test: {range} km on one charge",
    "first_ride": "{vehicle} first ride around {city}",
    "comparison": "{vehicle} against its rivals: who gives more for Rs {price} lakh?",
    "feature": "Buying a {segment} under Rs {price} lakh: why the {vehicle} stands out",
}
SENTENCES = [
    "The {vehicle} is priced at Rs {price} lakh ex-showroom in {city}.",
    "Its motor makes {power} PS and {torque} Nm, sent through a {gears}-speed gearbox.",
    "The maker claims a range of {range} km on the IDC cycle; we saw about {real} km.",
    "Deliveries start in {city} next month, with bookings open at Rs {booking:,}.",
    "Against its closest rival it is {delta} per cent cheaper and {kg} kg lighter.",
    "The {colour} paint is new, and so are the LED indicators and the larger screen.",
    "{make} says it sold {units:,} units last quarter, its best run so far.",
    "A kerb weight of {weight} kg and a {seat} mm seat make it easy to manage in traffic.",
]


def _facts(rng: random.Random, vehicle: tuple[str, str, str]) -> dict:
    make, model, segment = vehicle
    return {
        "make": make,
        "model": model,
        "vehicle": f"{make} {model}",
        "segment": segment,
        "colour": rng.choice(COLOURS),
        "city": rng.choice(CITIES),
        "price": f"{rng.randint(80, 4500) / 100:.2f}",
        "offer": rng.randint(5, 90) * 1000,
        "units": rng.randint(800, 60000),
        "power": rng.randint(8, 180),
        "torque": rng.randint(10, 350),
        "gears": rng.choice([5, 6]),
        "range": rng.randint(90, 520),
        "real": rng.randint(70, 450),
        "booking": rng.choice([999, 2499, 5000, 11000, 21000]),
        "delta": rng.randint(2, 18),
        "kg": rng.randint(3, 60),
        "weight": rng.randint(95, 1800),
        "seat": rng.randint(740, 820),
        "figure": f"{rng.randint(30, 60)} km/l",
    }


def story(rng: random.Random, kind: str, vehicle: tuple[str, str, str]) -> dict:
    """Title, teaser, highlights and a body (raw StreamField data) for one generated story."""
    facts = _facts(rng, vehicle)
    title = TITLES.get(kind, TITLES["news"]).format(**facts)
    sentences = [s.format(**facts) for s in SENTENCES]
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in (0, 3, 5)]
    body = [
        {"type": "paragraph", "value": f"<p>{paragraphs[0]}</p>", "id": str(uuid.uuid4())},
        {"type": "heading", "value": "What we know", "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": f"<p>{paragraphs[1]}</p>", "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": f"<p>{paragraphs[2]} {MARK}</p>", "id": str(uuid.uuid4())},
    ]
    highlights = [
        {"type": "highlight", "value": sentences[0], "id": str(uuid.uuid4())},
        {"type": "highlight", "value": sentences[1], "id": str(uuid.uuid4())},
    ]
    words = sum(len(p.split()) for p in paragraphs)
    return {
        "title": title[:255],
        "teaser": f"{sentences[0]} {MARK}"[:300],
        "highlights": highlights,
        "body": body,
        "read_time_minutes": max(1, round(words / 200)),
    }
