"""WordPress exports of every shape real sites produce, written the way WordPress writes them.

One `Shape` per kind of post or page an importer meets: classic-editor text stored without
paragraph markup, block-editor markup with its comments (galleries, columns, covers, buttons,
embeds, tables), post formats, password-protected and sticky posts, posts with no title or no
content, scheduled, draft, pending and private ones, many categories and tags, long unbroken
words, titles with markup and special characters, and a page tree (nested pages, a page whose
parent is missing, a slug the site itself owns). The suite's fixture is one item per shape
(`write_export(path, copies=1)`); the archive benchmark repeats them to 20,000 posts.

All text here is ours, about the demo's vehicles; nothing is taken from a real site.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

WP_NAMESPACES = {
    "1.0": "http://wordpress.org/export/1.0/",
    "1.1": "http://wordpress.org/export/1.1/",
    "1.2": "http://wordpress.org/export/1.2/",
    # WordPress.com and current self-hosted WordPress write the https form.
    "1.2-https": "https://wordpress.org/export/1.2/",
}
SITE = "https://shapes.example"
START = datetime(2024, 1, 1, 4, 30)


SAMPLES = Path(__file__).parent / "samples"


def _sample(name: str) -> str:
    """Post content as WordPress stores it (long lines and all); {site} is the site's URL."""
    return (SAMPLES / name).read_text(encoding="utf-8")


def cdata(text: str) -> str:
    """A CDATA section; "]]>" inside is split across two sections, as WordPress does."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class Item:
    post_id: int
    title: str
    content: str
    slug: str
    post_type: str = "post"
    status: str = "publish"
    parent: int = 0
    excerpt: str = ""
    creator: str = "meera"
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    password: str = ""
    sticky: bool = False
    when: datetime = START
    link_path: str = ""


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[int, datetime], Item]


def _category(slug: str, name: str) -> tuple[str, str, str]:
    return ("category", slug, name)


def _tag(slug: str, name: str) -> tuple[str, str, str]:
    return ("post_tag", slug, name)


CLASSIC = _sample("classic.txt")

BLOCKS = _sample("blocks.html")

LAYOUT = _sample("layout.html")

EMBEDS = _sample("embeds.html")

VIDEO_FORMAT = """A short clip from the Orbiter launch.

https://www.youtube.com/watch?v=oHg5SJYRHA0

[embed]https://vimeo.com/76979871[/embed]"""

LONG_WORD = (
    "Dealers quoted the part number "
    + "SUZ-EACC-" * 40
    + "X and a tracking link "
    + f"{SITE}/track?order="
    + "a1b2c3d4" * 30
    + " that runs off any phone screen."
)


def _post(name: str, **fields) -> Shape:
    def build(post_id: int, when: datetime) -> Item:
        values = {
            "title": f"{name.capitalize()} post {post_id}",
            "content": "Plain text.",
            "slug": f"{name.replace(' ', '-')}-{post_id}",
            **fields,
        }
        values["content"] = values["content"].replace("{site}", SITE)
        return Item(post_id=post_id, when=when, **values)

    return Shape(name, build)


POST_SHAPES = [
    _post(
        "classic",
        title="Suzuki e-Access launched at Rs 1.88 lakh",
        content=CLASSIC,
        categories=[_category("launches", "Launches"), _tag("ev", "EV")],
    ),
    _post(
        "block editor",
        title="TVS Orbiter: the numbers",
        content=BLOCKS,
        excerpt="The Orbiter's battery, range and price in one place.",
        categories=[_category("news", "News")],
    ),
    _post("layout blocks", title="Three scooters, one week", content=LAYOUT),
    _post("embeds", title="Orbiter first ride video", content=EMBEDS),
    _post(
        "video format",
        title="Launch clip",
        content=VIDEO_FORMAT,
        categories=[("post_format", "post-format-video", "Video")],
    ),
    _post("password", title="Dealer price list", password="dealers-only", content="Net prices."),  # noqa: S106
    _post("sticky", title="Our EV buying guide", sticky=True, content="Start here.\n\nThen here."),
    _post("no title", title="", content="A post someone published without a headline."),
    _post("no content", title="Photo of the day", content=""),
    _post("scheduled", status="future", title="Coming soon: the e Vitara review"),
    _post("draft", status="draft", title="Half-written comparison"),
    _post("pending", status="pending", title="Waiting for the editor"),
    _post("private", status="private", title="Notes for the desk"),
    _post(
        "many terms",
        title="Every category at once",
        content="Filed everywhere.",
        categories=[_category(f"cat-{n}", f"Category {n}") for n in range(12)]
        + [_tag(f"tag-{n}", f"Tag {n}") for n in range(40)],
    ),
    _post("long word", title="A part number that never ends", content=LONG_WORD),
    _post(
        "title markup",
        title='Maruti <em>e Vitara</em> vs Tata "Curvv": ₹17.5 lakh & up — which? <3',
        content="Two electric SUVs, one budget & a lot of <strong>questions</strong>.",
    ),
]


def _page(name: str, page_id: int, parent: int, **fields) -> Item:
    values = {"title": name, "content": f"About {name.lower()}.", "slug": name.lower(), **fields}
    return Item(post_id=page_id, post_type="page", parent=parent, **values)


def page_items(base: int, when: datetime) -> list[Item]:
    """A page tree: nested pages (listed child first), a page whose parent is not in the
    export, a slug the site itself answers at, a draft and a trashed page."""
    return [
        _page("Team", base + 2, base + 1, content=BLOCKS.split("<!-- wp:image")[0], when=when),
        _page("About", base + 1, 0, content="Who we are.\n\nWhat we cover.", when=when),
        _page("Contact", base + 3, 0, when=when),
        _page("Privacy policy", base + 4, 0, slug="privacy-policy", when=when),
        _page("Cookies", base + 5, base + 4, when=when),
        _page("Search", base + 6, 0, slug="search", content="How to search the site.", when=when),
        _page("Orphan", base + 7, 999_999, when=when),
        _page("Draft page", base + 8, 0, slug="draft-page", status="draft", when=when),
        _page("Old page", base + 9, 0, slug="old-page", status="trash", when=when),
    ]


def _item_xml(item: Item) -> str:
    date = item.when.strftime("%Y-%m-%d %H:%M:%S")
    local = (item.when + timedelta(hours=5, minutes=30)).strftime("%Y-%m-%d %H:%M:%S")
    gmt = "0000-00-00 00:00:00" if item.status == "draft" else date
    path = item.link_path or (
        f"/{item.slug}/" if item.post_type == "page" else f"/{item.when:%Y/%m}/{item.slug}/"
    )
    terms = "".join(
        f'\n\t\t<category domain="{domain}" nicename="{escape(slug)}">{cdata(name)}</category>'
        for domain, slug, name in item.categories
    )
    meta = ""
    if item.post_type == "post":
        meta = (
            "\n\t\t<wp:postmeta><wp:meta_key>"
            + cdata("_edit_last")
            + "</wp:meta_key><wp:meta_value>"
            + cdata("1")
            + "</wp:meta_value></wp:postmeta>"
        )
    return f"""
	<item>
		<title>{cdata(item.title)}</title>
		<link>{SITE}{escape(path)}</link>
		<pubDate>{item.when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>
		<dc:creator>{cdata(item.creator)}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={item.post_id}</guid>
		<description></description>
		<content:encoded>{cdata(item.content)}</content:encoded>
		<excerpt:encoded>{cdata(item.excerpt)}</excerpt:encoded>
		<wp:post_id>{item.post_id}</wp:post_id>
		<wp:post_date>{cdata(local)}</wp:post_date>
		<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>
		<wp:comment_status>{cdata("open")}</wp:comment_status>
		<wp:ping_status>{cdata("closed")}</wp:ping_status>
		<wp:post_name>{cdata(item.slug)}</wp:post_name>
		<wp:status>{cdata(item.status)}</wp:status>
		<wp:post_parent>{item.parent}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(item.post_type)}</wp:post_type>
		<wp:post_password>{cdata(item.password)}</wp:post_password>
		<wp:is_sticky>{int(item.sticky)}</wp:is_sticky>{terms}{meta}
	</item>"""


def _author(number: int, login: str, name: str) -> str:
    return (
        f"<wp:author><wp:author_id>{number}</wp:author_id>"
        f"<wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{cdata(login + '@shapes.example')}</wp:author_email>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>"
    )


def _header(version: str) -> str:
    wp = WP_NAMESPACES[version]
    wxr = version.split("-")[0]
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
	xmlns:excerpt="{wp}excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="{wp}"
>
<channel>
	<title>Shapes Motoring</title>
	<link>{SITE}</link>
	<description>Every shape a WordPress export takes</description>
	<language>en-IN</language>
	<wp:wxr_version>{wxr}</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
	{_author(1, "meera", "Meera Kulkarni (demo)")}
	{_author(2, "dev", "Dev Arora (demo)")}
	<generator>https://wordpress.org/?v=6.7.1</generator>
"""


def items(copies: int, *, first_id: int = 1000) -> Iterator[Item]:
    """`copies` rounds of every post shape (one post per shape per round, a day apart), the
    page tree once, and a menu item WordPress exports alongside (not content)."""
    post_id = first_id
    when = START
    for round_ in range(copies):
        for shape in POST_SHAPES:
            item = shape.build(post_id, when)
            if round_:  # later rounds: the same shapes, new slugs and titles
                item.slug = f"{item.slug}-r{round_}" if item.slug else item.slug
                item.title = f"{item.title} ({round_})" if item.title else item.title
            if item.status == "future":
                item.when = datetime(2099, 1, 1) + timedelta(minutes=round_)
            yield item
            post_id += 1
            when += timedelta(minutes=30)
    yield from page_items(post_id + 10, START)
    yield Item(
        post_id=post_id + 100, title="", content="", slug="menu-item", post_type="nav_menu_item"
    )


def write_export(path: Path, *, copies: int = 1, version: str = "1.2-https") -> int:
    """Write an export of `copies` rounds of the shapes; returns how many posts it holds."""
    posts = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(_header(version))
        for item in items(copies):
            out.write(_item_xml(item))
            posts += item.post_type == "post"
        out.write("\n</channel>\n</rss>\n")
    return posts
