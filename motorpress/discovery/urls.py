"""Search, feeds, sitemaps and robots.txt (mounted at the site root)."""

urlpatterns = []
