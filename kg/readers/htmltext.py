"""Plain text from an HTML fragment (a feed item's content, a post's body): never markup."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# Their text is code or styling, never the article's.
_DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "pre", "tr", "table", "section", "article", "header", "footer"),
        *("figure", "figcaption", "hr", "dd", "dt"),
    }
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_MARKUP = re.compile(r"<[a-zA-Z!/?]")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, a line per block, scripts and styles left out.

    >>> html_to_text("<p>Mayor <b>Jane Doe</b> spoke.</p><script>alert(1)</script><p>Then</p>")
    'Mayor Jane Doe spoke.\\nThen'
    >>> html_to_text("No markup & no problem")
    'No markup & no problem'
    """
    if not _MARKUP.search(fragment) and "&" not in fragment:
        return _lines(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return ""
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return _lines(root.text_content())


def _lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
