"""The words of boilerplate, in the languages our wires and pages come in.

Data, not code: each table is a list of lower-case phrases (regular
expressions allowed) that newsrooms and CMSs print around an article but that
are not part of it. English, German, Spanish, French, Portuguese, Italian,
Polish and Dutch are covered; add a language by adding its phrases.
"""

from __future__ import annotations

import re

# "Read more: <headline>" - a line that sends the reader to another story.
READ_MORE = [
    # en
    r"read (?:more|also|next|on)", r"also read", r"see also", r"related(?: (?:articles?|stories|story|content|coverage|post|reading|links?|news))?",
    r"more(?: (?:from|on|about)\b[^:]{0,40})?", r"don'?t miss", r"must read", r"recommended(?: for you| reading)?",
    r"watch(?: now)?", r"listen(?: now)?", r"also on [\w.]+", r"further reading", r"explore further", r"up next",
    r"trending(?: now)?", r"suggested(?: reading)?", r"editor'?s picks?",
    # de
    r"lesen sie (?:auch|mehr|hier)\b[^:]{0,40}", r"auch lesen", r"lies auch", r"mehr zum thema\b[^:]{0,40}", r"(?:zum )?weiterlesen",
    r"weitere artikel\b[^:]{0,40}", r"weitere themen", r"mehr themen", r"schon gelesen\??", r"auch interessant",
    r"das könnte (?:sie|dich) auch interessieren", r"(?:empfohlene|verwandte|ähnliche) (?:beiträge|artikel)", r"passend dazu",
    r"siehe auch", r"mehr dazu", r"ebenfalls interessant", r"beliebte artikel", r"meistgelesen", r"hier geht es zu[mr]?\b[^:]{0,40}",
    r"weitere informationen(?: zum thema)?", r"zum thema", r"video",
    # es
    r"lea (?:también|más)", r"lee (?:también|más)", r"leer más", r"(?:le|te) puede interesar", r"puede interesarte",
    r"(?:vea|ver|mira|mire|puedes ver) (?:también|además)?", r"vea", r"mira", r"mire", r"lea", r"puedes ver",
    r"(?:contenido|notas|noticias|artículos) relacionad[oa]s?", r"también te puede interesar", r"seguir leyendo", r"sigue leyendo",
    r"te recomendamos", r"recomendado", r"relacionad[oa]s?", r"más (?:noticias|información)",
    # fr
    r"[àa] lire (?:aussi|également)", r"lire (?:aussi|également|la suite)", r"voir aussi", r"sur le même sujet", r"[àa] voir aussi",
    r"articles? similaires", r"nos articles",
    # pt
    r"leia (?:também|mais)", r"veja (?:também|mais)", r"saiba mais", r"confira", r"(?:matérias|notícias) relacionadas",
    # it
    r"leggi anche", r"potrebbe interessarti", r"articoli correlati", r"vedi anche",
    # pl
    r"czytaj (?:też|także|również|więcej)", r"zobacz (?:też|także|również)", r"przeczytaj (?:też|także|również)", r"polecamy",
    # nl
    r"lees (?:ook|meer)", r"meer lezen", r"gerelateerd",
]

# A call to subscribe, follow, share or buy. Each phrase is specific enough to
# be the page talking to its reader, not reporting on a product (an article
# may well say people "signed up" for a service).
CALL_TO_ACTION = [
    # en
    r"\bnewsletters?\b", r"\b(?:to|in|into) your inbox\b", r"\b(?:subscribe|sign up|register) (?:now|today|here)\b", r"\bsubscribe to (?:our|the \w+ (?:youtube|channel|podcast))",
    r"\bsubscribe to [\w. ]{1,30}(?:’|')s\b", r"\bsign up (?:for|to) (?:our|the (?:free|daily|weekly))\b",
    r"\bfollow (?:us|him|her|me|(?-i:[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})) on (?:twitter|facebook|instagram|youtube|linkedin)\b",
    r"\bfollow (?:us|him|her|me) @", r"\b(?:on|at) twitter @", r"\bshare (?:it|this (?:story|article|post)) with\b",
    r"\bdownload (?:our|the) [\w ]{0,30}apps?\b", r"\bget the [\w ]{0,30} app\b", r"\bif you enjoyed (?:this|reading)\b",
    r"\bsupport (?:our|independent|quality) journalism\b", r"\bjoin (?:us|our)\b", r"\bletters? to the editor\b",
    r"\b(?:may|might) (?:earn|get|receive) (?:a )?(?:small )?(?:commission|share of the sale)\b", r"\baffiliate (?:links?|commission)\b",
    r"\bfull story\b", r"\balready a subscriber\b",
    # de
    r"\babonnier", r"\bjetzt (?:anmelden|registrieren|abonnieren|bestellen)\b", r"\bfolg(?:en sie|t) uns\b", 
    r"^\W?(?:anzeige|werbung)\s*[.:,*|-]", r"\bnicht eingeloggt\b", r"\bunterstütze (?:uns|unsere)\b", r"\bposteingang\b",
    # es
    r"\bsuscr[íi]b", r"\bs[íi]guenos\b", r"\b[úu]nete\b", r"\bhazte (?:miembro|socio)\b", r"\bcanal de (?:telegram|youtube|whatsapp)\b",
    r"\bnuestro canal\b",
    # fr
    r"\babonnez-vous\b", r"\binscrivez-vous\b", r"\bpour (?:lire la suite|accéder)\b", r"\bsuivez-nous\b",
    # pt
    r"\bassine\b", r"\binscreva-se\b", r"\bsiga-nos\b",
    # it
    r"\biscriviti\b", r"\babbonati\b",
    # pl
    r"\bsubskrypcj", r"\bzapisz się\b", r"\bdołącz do\b",
]

# Headings over a list of other stories: what follows them, up to the next
# paragraph of prose, is the list.
RELATED_HEADING = [
    r"(?:you|we) (?:may|might) (?:also )?like", r"you may have missed", r"(?:most|more) (?:read|popular|viewed|shared)\b.{0,30}",
    r"popular (?:on|in|now)\b.{0,30}", r"more (?:stories|news|articles|videos?|from)\b.{0,40}", r"(?:top|latest|related|trending) (?:stories|news|articles|videos?|posts?)",
    r"recommended(?: (?:stories|articles|for you|videos?))?", r"in case you missed it", r"what to read next", r"keep reading",
    r"around the web", r"sponsored (?:stories|content|links)", r"promoted (?:stories|content|links)", r"from (?:our|the) partners?",
    r"meistgelesen(?:e artikel)?", r"weitere (?:aktuelle )?themen\b.{0,40}", r"weitere \w*tipps", r"kommentierte artikel", r"learn more", r"mehr erfahren", r"en savoir plus",
    r"saber más", r"dowiedz się więcej", r"(?:weitere|aktuelle|neueste) (?:artikel|nachrichten|beiträge|news)\b.{0,30}", r"mehr aus (?:dem|der)\b.{0,30}",
    r"das könnte (?:sie|dich) (?:auch )?interessieren", r"(?:lo )?más (?:leído|visto)", r"(?:últimas|otras) noticias", r"te (?:puede|podría) interesar",
    r"les plus lus", r"(?:mais|últimas) (?:lidas|notícias)", r"i più letti", r"najczęściej czytane", r"najnowsze",
    *READ_MORE,
]

# Words one of which every call to action contains (checked before the patterns).
CALL_TO_ACTION_WORDS = (
    "newsletter", "inbox", "subscri", "sign up", "register", "follow", "twitter", "@", "share", "download", "app", "enjoyed",
    "journalism", "join", "letter", "commission", "affiliate", "full story", "abonn", "jetzt", "folg", "anzeige", "werbung",
    "eingeloggt", "unterstütze", "posteingang", "suscr", "guenos", "nete", "hazte", "canal", "inscri", "pour ", "suivez",
    "assine", "siga-nos", "iscriviti", "abbonati", "subskryp", "zapisz", "dołącz",
)

# Rights and reproduction notices.
RIGHTS = [
    r"©", r"\(c\) ?\d{4}", r"\bcopyright", r"\ball rights reserved\b", r"\bcopyrighted\b", r"\bpermission\b.{0,40}\b(?:reprint|reproduc)",
    r"\bnon-commercial use\b", r"\border (?:presentation-ready copies|reprints)\b",
    r"\balle rechte vorbehalten\b", r"\btodos los derechos reservados\b", r"\btous droits réservés\b",
    r"\btodos os direitos reservados\b", r"\btutti i diritti riservati\b", r"\briproduzione riservata\b",
    r"\bwszelkie prawa zastrzeżone\b", r"\bohne gewähr\b", r"\bsin garantía\b", r"\bmateriał chroniony prawem\b", r"\balle rechten voorbehouden\b",
]

RIGHTS_WORDS = (
    "gewähr", "garantía", "©", "(c)", "copyright", "rights", "reserv", "permission", "commercial", "reprint", "rechte", "derechos", "droits",
    "direitos", "diritti", "riproduzione", "prawa", "chroniony", "rechten",
)

# A photo or video credit on its own line.
PICTURE_CREDIT = [
    r"(?:photo|picture|image|video|foto|bild|titelbild|beitragsbild|fotos?|imagen|crédits? photos?|credit|credits|"
    r"source image|zdjęcie|fot)\s*(?:credit)?\s*[:©/|]",
    r"\(?(?:photo|picture|image) (?:by|courtesy|credit)\b",
    r"getty images?$", r"^[\w .'-]{0,40}/ ?(?:getty images|afp|ap|reuters|dpa|epa|imago|shutterstock|istock)\b",
]

# Words of the lines that credit the reporters at the end of a wire story.
REPORTING_CREDIT = [
    r"\(?(?:additional )?reporting by\b", r"\(?(?:editing|writing|compiled|produced) by\b", r"\bcontributed (?:reporting|to this (?:report|story))\b",
    r"\bwriters? .{0,200}\bcontributed\b", r"^mitarbeit:", r"^(?:con )?información de\b",
    r"^(?:write to|e-?mail|contact|reach) (?:the )?(?:reporters? |authors? |writers? )?[\w .'’-]{0,60}\b(?:at|on|via) \S*@",
]

REPORTING_CREDIT_WORDS = ("reporting by", "editing by", "writing by", "compiled by", "produced by", "contributed", "mitarbeit", "información de", "@")

# Labels that stand alone on a line: tags, categories, comment counters, sharing bars.
# "Tags: a, b, c" - the labels that also lead a line of keywords.
TAG_LABEL = [
    r"tags?", r"topics?", r"categor(?:y|ies|ia|ía|ie)", r"kategorien?", r"filed under", r"schlagw[öo]rter", r"schlagworte", r"themen",
    r"temas?",
]
LABEL = [
    *TAG_LABEL, r"etiquetas?", r"comments?", r"kommentare?", r"comentarios?", r"commentaires?", r"komentarze?", r"\d+ (?:comments?|kommentare?)",
    r"share(?: this(?: article| story)?)?", r"teilen", r"compartir", r"partager", r"compartilhe", r"udostępnij", r"print(?: article)?",
    r"e-?mail", r"drucken", r"imprimir", r"source", r"quelle", r"fuente", r"fonte", r"źródło", r"keine kommentare", r"no comments",
    r"advertisement", r"anzeige", r"publicidad", r"publicité", r"reklama", r"werbung", r"sponsored", r"view comments", r"leave a comment",
]

# "Source: AP", "Quelle: dpa" - short source lines at the foot.
SOURCE_LINE = [r"source", r"sources", r"quelle", r"quellen", r"fuente", r"fonte", r"źródło", r"bron", r"with files from"]

# Reading-time and update stamps printed at the top.
STAMP = [
    r"\d+\s*(?:min(?:ute)?s?|minuten?|minutos?)\.?\s*(?:read|lesezeit|de lectura|de leitura|czytania)?",
    r"(?:reading time|lesezeit|tempo de leitura|tiempo de lectura|temps de lecture|czas czytania)\b.*",
    r"(?:updated|published|posted|last (?:updated|modified)|aktualisiert(?: am)?|veröffentlicht(?: am)?|erstellt(?: am)?|stand|"
    r"actualizado|publicado|publié|mis à jour|atualizado|pubblicato|aggiornato|opublikowano|zaktualizowano|letzte änderung|"
    r"release date|date)\b.*",
]


def starts_with(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for a line that starts with one of ``phrases`` followed by a colon, dash or arrow."""
    return re.compile(r"^\W{0,3}(?:" + "|".join(phrases) + r")\s*(?::|\||»|>|›|→|–|—|-\s)", re.IGNORECASE)


def whole_line(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for a line that is only one of ``phrases`` (with stray punctuation)."""
    return re.compile(r"^\W{0,3}(?:" + "|".join(phrases) + r")\W{0,3}$", re.IGNORECASE)


class Guarded:
    """Phrases found anywhere in a text, tried only when one of their words is in it.

    A handful of substring tests is a hundred times cheaper than a regular
    expression of many alternatives, and most paragraphs contain none of the
    words, so the speed budget of the extractor is kept.
    """

    def __init__(self, words: tuple[str, ...], phrases: list[str]) -> None:
        self.words = words
        self.pattern = re.compile("|".join(phrases), re.IGNORECASE)

    def search(self, text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in self.words) and self.pattern.search(text) is not None
