"""Newsroom models, re-exported so `from motorpress.newsroom.models import ArticlePage` works."""

from .articles import ArticleAuthor, ArticleKind, ArticlePage, ArticleTag
from .authors import Author
from .pages import HomePage, SectionPage
from .reviews import ReviewTest
from .standing import StandardPage

__all__ = [
    "ArticleAuthor",
    "ArticleKind",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "HomePage",
    "ReviewTest",
    "SectionPage",
    "StandardPage",
]
