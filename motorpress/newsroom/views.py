"""Newsroom routes that live outside the page tree: /latest/ and /authors/<slug>/."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from motorpress.core.pagination import story_page_or_response
from motorpress.newsroom import selectors, structured_data


@require_safe
def latest(request):
    page_obj = story_page_or_response(request, selectors.latest_feed())
    if isinstance(page_obj, HttpResponse):
        return page_obj
    return render(request, "newsroom/latest.html", {"page_obj": page_obj})


@require_safe
def author_detail(request, slug):
    author = selectors.author_by_slug(slug=slug)
    page_obj = story_page_or_response(request, selectors.author_articles(author=author))
    if isinstance(page_obj, HttpResponse):
        return page_obj
    context = {
        "author": author,
        "page_obj": page_obj,
        "structured_data": structured_data.profile_page(request, author),
    }
    return render(request, "newsroom/author_detail.html", context)
