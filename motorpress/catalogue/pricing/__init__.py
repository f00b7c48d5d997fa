"""Pure-Python money maths for what a buyer pays: on-road price rules and EMI.

No Django imports here, so the maths can be property-tested in isolation and reused by pages,
the API and the compare block alike.
"""
