"""The words captured pages are made of, as sorted data tables (no logic here).

Site chrome repeats across sites with small variations, so the extractor
matches whole lines against these tables after ``clutter.line_key`` has
folded case, punctuation and spacing. Add a site's phrasing here, never as a
code branch. Every table is sorted so additions are easy to review.
"""

from __future__ import annotations

# Whole lines that are site chrome wherever they appear.
CLUTTER_LINES = frozenset(
    (
        "a a a", "about us", "accept", "accept all", "accept all cookies", "accept cookies", "ad", "add comment",
        "ads", "advertise", "advertise with us", "advertisement", "advertising", "all rights reserved",
        "already a subscriber", "article continues below", "back to top", "bookmark", "breaking", "breaking news",
        "careers", "click to expand", "close", "comment", "comments", "contact", "contact us", "continue reading",
        "continue reading below", "continue reading the main story", "cookie policy", "cookie settings", "copied",
        "copy link", "copy url", "create account", "download app", "e paper", "email", "email this", "enlarge",
        "epaper", "expand", "facebook", "flipboard", "follow", "follow us", "font size", "get the app",
        "gift article", "gift this article", "google news", "home", "image", "instagram", "leave a comment",
        "link copied", "linkedin", "listen", "listen to article", "listen to this article", "live", "live tv",
        "log in", "log out", "login", "manage preferences", "menu", "messenger", "more", "my account", "newsletter",
        "newsletters", "next", "next article", "open in app", "pause", "photo", "pinterest", "play", "podcasts",
        "previous", "previous article", "print", "print this article", "privacy", "privacy policy", "promoted",
        "reddit", "register", "reject all", "reply", "report error", "save", "save article", "save for later",
        "saved", "scroll to continue", "scroll to continue with content", "search", "share", "share article",
        "share on facebook", "share on twitter", "share on whatsapp", "share on x", "share this",
        "share this article", "share this story", "share via", "show comments", "sign in", "sign out", "sign up",
        "skip to content", "skip to main content", "skip to navigation", "sponsored", "sponsored content",
        "story continues below", "story continues below advertisement", "subscribe", "subscribe now", "telegram",
        "terms", "terms of service", "terms of use", "text size", "threads", "tiktok", "tweet", "twitter", "video",
        "videos", "view comments", "view gallery", "watch", "watch live", "whatsapp", "x", "youtube",
    )
)

# Line beginnings that mark chrome however the line goes on ("Read more: …").
CLUTTER_PREFIXES = (
    "advertisement ", "also read -", "also read:", "also see:", "by continuing to", "by using this site",
    "click here", "copyright ©", "don't miss:", "download the ", "filed under", "follow @", "follow us on",
    "for the latest", "get the latest", "have a news tip", "join our ", "keywords:", "log in to", "login to", "more:",
    "our standards:", "read also -", "read also:", "read more -", "read more at", "read more:", "read next:",
    "recommended:", "register to", "related article:", "related coverage:", "related reading:", "related:",
    "report an error", "see also:", "sign in to", "sign up for", "sign up to", "subscribe for", "subscribe to",
    "support our journalism", "tags:", "this site uses cookies", "this website uses cookies", "to continue reading",
    "topics:", "trending:", "watch:", "we use cookies", "you have reached your", "you've reached your",
)

# The same on the folded line (punctuation gone), for "ALSO READ | …" and "Read more — …"; short lines only.
CLUTTER_KEY_PREFIXES = ("also read ", "dont miss ", "must read ", "read also ", "read more ", "see also ")

# Phrases that give away a short line as a newsletter, account or legal box wherever they occur in it.
CLUTTER_PHRASES = (
    "(opens in new window)", "already have an account", "click to share", "comments are moderated",
    "comments may be republished", "create a free account", "email address will not be published",
    "email addresses will not be published", "enable javascript", "for immediate access to this story",
    "in your inbox", "is not responsible for the opinions", "log in to comment", "log in to post",
    "logged in to post", "newsletter sign", "our newsletter", "privacy notice", "privacy policy",
    "protected by recaptcha", "sign up for", "sign up to", "subscribe to our", "terms and conditions",
    "this article is more than", "to read the full story", "to view the full story", "to your inbox",
    "unsubscribe at any time",
)
CLUTTER_PHRASE_MAX_WORDS = 25

# Headings of rails (highlights, most read, related …): what follows is other stories.
RAIL_HEADINGS = frozenset(
    (
        "also read", "around the web", "comments", "dont miss", "editors picks", "explore more",
        "from around the web", "from our partners", "further reading", "highlights", "in case you missed it",
        "in other news", "just in", "keep reading", "latest", "latest news", "latest stories", "more news",
        "more on this story", "more on this topic", "more stories", "more to read", "more videos", "most popular",
        "most read", "most shared", "most viewed", "most watched", "must read", "popular", "popular now",
        "promoted stories", "read more", "read next", "recommended", "recommended for you", "recommended stories",
        "related", "related articles", "related content", "related coverage", "related links", "related news",
        "related stories", "related topics", "see more", "sponsored stories", "suggested topics", "tags",
        "top comments", "top stories", "topics", "trending", "trending news", "trending now", "trending stories",
        "up next", "watch more", "what to read next", "you may also like", "you may have missed",
        "you might also like",
    )
)
# Rails after which nothing is the article again (readers' comments, paid links).
TERMINAL_HEADINGS = frozenset(
    (
        "add a comment", "around the web", "comments", "comments are closed", "discussion", "from around the web",
        "from our partners", "join the conversation", "join the discussion", "leave a comment", "leave a reply",
        "post a comment", "promoted stories", "read all comments", "reader comments", "show comments",
        "sponsored stories", "top comments", "top rated comments", "view comments", "what do you think",
    )
)
# What a paywall says where it cuts the story off (folded): nothing after it is the article.
PAYWALL_PHRASES = (
    "become a subscriber", "continue reading with a subscription", "for subscribers only", "free articles left",
    "free articles remaining", "start your subscription", "subscribe to continue", "subscribe to keep reading",
    "subscribe to read", "subscribe today to continue", "subscriber only content", "subscribers only",
    "subscription required", "this article is for subscribers", "this content is for subscribers",
    "to continue reading subscribe", "unlock this article", "you have reached your", "youve reached your",
)
# Terminal headings that are also the button a page prints under its headline or mid-story.
COMMENT_BUTTONS = frozenset(
    (
        "comment", "comments", "show comments", "view comments",
    )
)
TERMINAL_PREFIXES = (
    "leave a comment", "leave a reply", "post a comment", "share your thoughts",
)
RAIL_PREFIXES = (
    "also in ", "latest from ", "latest in ", "more from ", "more in ", "more on ", "other stories in ",
)

# Social networks and actions that make up share bars ("Facebook Twitter WhatsApp Email").
SHARE_WORDS = frozenset(
    (
        "bluesky", "comment", "comments", "copy", "email", "facebook", "flipboard", "instagram", "link", "linkedin",
        "mail", "messenger", "pinterest", "print", "reddit", "save", "share", "telegram", "threads", "tumblr",
        "twitter", "whatsapp", "x",
    )
)

# Words a section label or a navigation menu is made of.
SECTION_WORDS = frozenset(
    (
        "&", "africa", "americas", "and", "arts", "asia", "asia-pacific", "australia", "books", "britain", "business",
        "canada", "china", "cities", "climate", "companies", "cricket", "crime", "culture", "east", "economy",
        "education", "elections", "energy", "entertainment", "environment", "europe", "fashion", "features", "film",
        "finance", "food", "football", "health", "india", "international", "japan", "law", "life", "lifestyle",
        "local", "markets", "media", "middle", "money", "motoring", "music", "nation", "national", "news", "opinion",
        "pacific", "politics", "property", "region", "regional", "science", "society", "sport", "sports", "style",
        "tech", "technology", "travel", "tv", "u.k.", "u.s.", "uk", "us", "weather", "world",
    )
)

# The spellings sites use for the same desk, folded (``clutter.line_key``) → the one section name we store.
SECTION_ALIASES = {
    "biz": "Business", "business": "Business", "comment": "Opinion", "commentary": "Opinion",
    "editorial": "Opinion", "editorials": "Opinion", "global": "World", "international": "World", "intl": "World",
    "op ed": "Opinion", "oped": "Opinion", "opinion": "Opinion", "opinions": "Opinion", "politics": "Politics",
    "sci": "Science", "science": "Science", "sport": "Sport", "sports": "Sport", "tech": "Technology",
    "technology": "Technology", "world": "World",
}

# Breadcrumb items that stand for the whole site, not a desk (folded).
HOME_CRUMBS = frozenset(
    (
        "", "accueil", "front page", "home", "home page", "homepage", "index", "inicio", "main", "start",
        "startseite", "top",
    )
)
# Crumbs a site puts before its desks ("Home > News > Politics" is Politics).
GENERIC_CRUMBS = frozenset(
    (
        "all news", "articles", "latest", "latest news", "news", "stories",
    )
)

# Words that make a short line a site's name, not a section ("The Morning Ledger").
BRAND_WORDS = frozenset(
    (
        "bulletin", "chronicle", "courier", "daily", "dispatch", "examiner", "express", "gazette", "globe",
        "guardian", "herald", "inquirer", "journal", "ledger", "mail", "mirror", "monitor", "observer", "online",
        "post", "press", "record", "register", "reporter", "review", "sentinel", "standard", "star", "sun",
        "telegraph", "times", "today", "tribune", "weekly", "wire",
    )
)

# Endings that make one word a site's name ("Techwire", "Startribune").
BRAND_SUFFIXES = (
    "chronicle", "courier", "gazette", "herald", "journal", "ledger", "mail", "news", "post", "press", "star",
    "times", "tribune", "wire",
)

# Words of a call to action: a short line holding one is a button or a promo, never a sub-heading.
CALL_TO_ACTION_WORDS = frozenset(
    (
        "app", "click", "download", "follow", "gallery", "join", "listen", "login", "newsletter", "podcast",
        "register", "share", "sign", "subscribe", "subscribers", "tap", "watch",
    )
)

# Short capitalised words that stay in capitals when an ALL-CAPS label is put in title case.
ACRONYMS = frozenset(
    (
        "AI", "EU", "NATO", "NBA", "NFL", "NHS", "UAE", "UK", "UN", "US", "USA",
    )
)

# Short labels above a headline that are story kinds, not sections.
KICKER_LABELS = frozenset(
    (
        "analysis", "breaking", "breaking news", "developing", "developing story", "exclusive", "explainer",
        "fact check", "just in", "live", "live updates", "premium", "subscriber only", "update", "updated", "video",
        "watch",
    )
)

# News agencies: every spelling a page uses, mapped to the short name we store as the credit.
AGENCY_NAMES = {
    "aap": "AAP", "afp": "AFP", "agence france presse": "AFP", "agence france-presse": "AFP",
    "agencia brasil": "Agência Brasil", "agência brasil": "Agência Brasil", "anadolu": "Anadolu",
    "anadolu agency": "Anadolu", "ani": "ANI", "anp": "ANP", "ansa": "ANSA", "antara": "Antara", "ap": "AP",
    "app": "APP", "asian news international": "ANI", "associated press": "AP",
    "associated press of pakistan": "APP", "australian associated press": "AAP", "bbc": "BBC", "bbc news": "BBC",
    "belga": "Belga", "bernama": "Bernama", "bloomberg": "Bloomberg", "bss": "BSS", "canadian press": "The Canadian Press",
    "cnn": "CNN", "cnn wire": "CNN", "deutsche presse-agentur": "dpa", "dpa": "dpa", "efe": "EFE",
    "europa press": "Europa Press", "ghana news agency": "GNA", "gna": "GNA", "ians": "IANS",
    "indo-asian news service": "IANS", "interfax": "Interfax", "irna": "IRNA", "itar-tass": "TASS", "jiji": "Jiji",
    "jiji press": "Jiji", "kenya news agency": "KNA", "kuna": "KUNA", "kyodo": "Kyodo", "kyodo news": "Kyodo",
    "lusa": "Lusa", "mena": "MENA", "news agency of nigeria": "NAN", "notimex": "Notimex", "pa": "PA",
    "pa media": "PA", "philippine news agency": "PNA", "pna": "PNA", "prensa latina": "Prensa Latina",
    "press association": "PA", "press trust of india": "PTI", "pti": "PTI", "reuters": "Reuters",
    "ria novosti": "RIA Novosti", "sana": "SANA", "tass": "TASS", "the associated press": "AP",
    "the canadian press": "The Canadian Press", "thomson reuters": "Reuters", "ukrinform": "Ukrinform",
    "unb": "UNB", "uni": "UNI", "united news of bangladesh": "UNB", "united news of india": "UNI", "upi": "UPI",
    "vietnam news agency": "VNA", "vna": "VNA", "wafa": "WAFA", "wam": "WAM", "xinhua": "Xinhua",
    "xinhua news agency": "Xinhua", "yonhap": "Yonhap", "yonhap news agency": "Yonhap",
}
# Agency names that are also everyday words or names ("app", "Sana"): agencies only when printed in capitals.
AGENCY_CAPS_ONLY = frozenset(
    (
        "ani", "ap", "app", "pa", "sana", "uni", "wam",
    )
)
# How the name of a wire service we do not know ends ("Northwind Wire", "Gulf News Agency"), folded.
WIRE_ENDINGS = (
    "agency", "news service", "newswire", "press service", "wire", "wire service",
)

# Time-zone abbreviations printed on pages, as hours east of UTC. Ambiguous
# ones take the reading most common on English news sites (IST = India,
# CST = US Central).
TZ_OFFSETS = {
    "AEDT": 11, "AEST": 10, "BST": 1, "CDT": -5, "CEST": 2, "CET": 1, "CST": -6, "EAT": 3, "EDT": -4,
    "EEST": 3, "EET": 2, "EST": -5, "GMT": 0, "HKT": 8, "IST": 5.5, "JST": 9, "KST": 9, "MDT": -6, "MSK": 3,
    "MST": -7, "NZDT": 13, "NZST": 12, "PDT": -7, "PHT": 8, "PKT": 5, "PST": -8, "SAST": 2, "SGT": 8, "UTC": 0,
    "WAT": 1, "WIB": 7, "Z": 0,
}
# Zones named without daylight-saving state; resolved per date with the tz database.
TZ_REGIONS = {"CT": "America/Chicago", "ET": "America/New_York", "MT": "America/Denver", "PT": "America/Los_Angeles"}
# Zones whose sites write numeric dates month first (09/04/2025 = September 4).
MONTH_FIRST_ZONES = frozenset(
    (
        "CDT", "CST", "CT", "EDT", "EST", "ET", "MDT", "MST", "MT", "PDT", "PST", "PT",
    )
)

# Words before a date saying which date it is.
UPDATED_WORDS = (
    "last modified", "last updated", "modified", "updated",
)
PUBLISHED_WORDS = (
    "created", "date", "first published", "posted", "published", "released",
)

# How a byline starts, and credit lines that are not the author.
BYLINE_PREFIXES = (
    "analysis by", "author:", "authors:", "by", "by:", "commentary by", "opinion by", "reported by", "reported by:",
    "review by", "story by", "words by", "written by", "written by:",
)
# Rail headings whose items are the story's tags.
TAG_HEADINGS = frozenset(
    (
        "related topics", "suggested topics", "tags", "topics",
    )
)
NOT_AUTHOR_PREFIXES = (
    "compiled by", "edited by", "illustrations by", "photos by", "produced by", "translated by",
)
