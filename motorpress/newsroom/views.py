"""Newsroom routes that live outside the page tree: /latest/ and /authors/<slug>/."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from motorpress.core.pagination import paginate_or_404
from motorpress.newsroom import selectors, structured_data


@require_safe
def latest(request):
    page_obj = paginate_or_404(selectors.latest_feed(), request.GET.get("page"), count_key="latest")
    return render(request, "newsroom/latest.html", {"page_obj": page_obj})


@require_safe
def author_detail(request, slug):
    author = selectors.author_by_slug(slug=slug)
    page_obj = paginate_or_404(
        selectors.author_articles(author=author),
        request.GET.get("page"),
        count_key=f"author:{author.pk}",
    )
    context = {
        "author": author,
        "page_obj": page_obj,
        "structured_data": structured_data.profile_page(request, author),
    }
    return render(request, "newsroom/author_detail.html", context)
