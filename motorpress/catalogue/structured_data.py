"""schema.org JSON-LD for vehicle pages: Car or Motorcycle with an INR offer and claimed figures.

Each page has one JSON-LD script whose top-level node is the page's subject; its breadcrumb
trail hangs off `mainEntityOfPage` (a WebPage), so crawlers read both from one object.
"""

from django.urls import reverse

from motorpress.catalogue.models import Fuel, Powertrain, Segment, VehicleModel

FUEL_TYPES = {Powertrain.ICE: "Petrol", Powertrain.HYBRID: "Hybrid", Powertrain.EV: "Electric"}
# schema.org has Car and Motorcycle (a scooter is a Motorcycle there); both are Products.
SCHEMA_TYPES = {Segment.CAR: "Car", Segment.MOTORCYCLE: "Motorcycle", Segment.SCOOTER: "Motorcycle"}


def breadcrumb_list(items: list[tuple[str, str]]) -> dict:
    """BreadcrumbList from (name, absolute URL) pairs, outermost first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def web_page(url: str, breadcrumbs: list[tuple[str, str]]) -> dict:
    """The page a node is the main entity of, carrying the page's breadcrumb trail."""
    return {"@type": "WebPage", "@id": url, "url": url, "breadcrumb": breadcrumb_list(breadcrumbs)}


def schema_type(model: VehicleModel) -> str:
    return SCHEMA_TYPES.get(model.segment, "Vehicle")


def vehicle_reference(request, model: VehicleModel) -> dict:
    """A vehicle named from elsewhere (a review's itemReviewed): type, name, brand, URL."""
    return {
        "@type": schema_type(model),
        "name": str(model),
        "brand": {"@type": "Brand", "name": model.make.name},
        "model": model.name,
        "url": request.build_absolute_uri(model.get_absolute_url()),
    }


def vehicle_breadcrumbs(request, model: VehicleModel) -> list[tuple[str, str]]:
    """Vehicles > Make > Model."""
    return [
        ("Vehicles", request.build_absolute_uri(reverse("catalogue:list"))),
        (model.make.name, request.build_absolute_uri(model.make.get_absolute_url())),
        (str(model), request.build_absolute_uri(model.get_absolute_url())),
    ]


def _quantity(value, unit_code: str | None = None, unit_text: str | None = None) -> dict:
    data = {"@type": "QuantitativeValue", "value": float(value)}
    if unit_code:
        data["unitCode"] = unit_code
    if unit_text:
        data["unitText"] = unit_text
    return data


def vehicle(request, model: VehicleModel, image_url: str | None = None) -> dict:
    variants = list(model.variants.all())
    reference = variants[0] if variants else None
    prices = [v.current_price for v in variants if v.current_price]
    url = request.build_absolute_uri(model.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(model),
        "name": str(model),
        "url": url,
        "brand": {"@type": "Brand", "name": model.make.name},
        "model": model.name,
        "mainEntityOfPage": web_page(url, vehicle_breadcrumbs(request, model)),
    }
    if model.summary:
        data["description"] = model.summary
    if image_url:
        data["image"] = request.build_absolute_uri(image_url)
    if reference:
        data["fuelType"] = (
            Fuel(reference.fuel).label
            if reference.fuel and reference.powertrain != Powertrain.EV
            else FUEL_TYPES.get(reference.powertrain, "")
        )
        engine = {"@type": "EngineSpecification"}
        if reference.engine_cc:
            engine["engineDisplacement"] = _quantity(reference.engine_cc, "CMQ", "cc")
        if reference.power_ps:
            engine["enginePower"] = _quantity(reference.power_ps, unit_text="PS")
        if reference.torque_nm:
            engine["torque"] = _quantity(reference.torque_nm, "NU", "Nm")
        engine["fuelType"] = data["fuelType"]
        data["vehicleEngine"] = engine
        properties = []
        if reference.claimed_range_km:
            properties.append(
                {
                    "@type": "PropertyValue",
                    "name": "Claimed range",
                    "value": float(reference.claimed_range_km),
                    "unitText": "km",
                    "description": "Maker's claim, "
                    + (reference.range_test_cycle or "test cycle not stated"),
                }
            )
        if reference.battery_chemistry:
            properties.append(
                {
                    "@type": "PropertyValue",
                    "name": "Battery chemistry",
                    "value": reference.battery_chemistry,
                }
            )
        if reference.battery_kwh:
            properties.append(
                {
                    "@type": "PropertyValue",
                    "name": "Battery capacity",
                    "value": float(reference.battery_kwh),
                    "unitText": "kWh",
                }
            )
        if properties:
            data["additionalProperty"] = properties
    if prices:
        data["offers"] = {
            "@type": "AggregateOffer" if len(prices) > 1 else "Offer",
            "priceCurrency": "INR",
            **(
                {"lowPrice": min(prices), "highPrice": max(prices), "offerCount": len(prices)}
                if len(prices) > 1
                else {"price": prices[0]}
            ),
            "description": "Ex-showroom price",
        }
    return data


def on_road_offer(quote) -> dict | None:
    """The on-road price in a city as an Offer whose CompoundPriceSpecification lists each
    line; only when every line is known, since a partial sum is not a price."""
    breakdown = quote.breakdown
    if breakdown.total is None:
        return None
    return {
        "@type": "Offer",
        "priceCurrency": "INR",
        "price": breakdown.total,
        "description": f"On-road price in {quote.city.name}, {quote.city.state}"
        + (" (includes demo figures)" if breakdown.is_demo else ""),
        "areaServed": {"@type": "City", "name": quote.city.name},
        "priceSpecification": {
            "@type": "CompoundPriceSpecification",
            "price": breakdown.total,
            "priceCurrency": "INR",
            "priceComponent": [
                {
                    "@type": "UnitPriceSpecification",
                    "name": line.label,
                    "price": line.amount,
                    "priceCurrency": "INR",
                }
                for line in breakdown.lines
            ],
        },
    }
