import time
from pathlib import Path
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

CATALOGUE = Path(settings.BASE_DIR) / "motorpress/demo/content/catalogue.yaml"

@pytest.fixture
def cat(db):
    call_command("import_catalogue", str(CATALOGUE), "--no-progress")

def test_scratch(client, cat):
    r = client.get("/compare/ktm-rc-160-vs-yamaha-r15/")
    print(r.status_code)
    print(r.content.decode()[r.content.decode().find("<table"):r.content.decode().find("</table>")])
    for url in ["/compare/yamaha-r15-vs-ktm-rc-160/?only=differences", "/compare/KTM-rc-160-vs-yamaha-r15/", "/compare/-vs-/", "/compare/ktm-rc-160-vs-/", "/compare/maruti-suzuki-e-vitara-vs-toyota-urban-cruiser-ev/"]:
        r = client.get(url)
        print(url, r.status_code, r.get("Location"))
    with CaptureQueriesContext(connection) as c:
        r = client.get("/compare/ktm-rc-160-vs-maruti-suzuki-e-vitara-vs-suzuki-e-access-vs-yamaha-r15/")
    print(r.status_code, len(c.captured_queries))
    for q in c.captured_queries: print(q["sql"][:150])
    for n in [1000, 20000, 100000]:
        t = time.time()
        try:
            r = client.get("/compare/", {"v": ["a-" * n + "a", "ktm-rc-160"]})
            print(n, r.status_code, time.time() - t)
        except Exception as e:
            print(n, "EXC", type(e), str(e)[:200], time.time() - t)
