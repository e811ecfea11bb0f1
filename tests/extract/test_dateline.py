"""dateline_split: the place (and agency) at the head of a first paragraph, and never a sentence's own words."""

from __future__ import annotations

import pytest

from newsdesk.extract.dateline import dateline_split


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("BEIJING – Chinese leader Xi Jinping met Kim.", "BEIJING", None, "Chinese leader Xi Jinping met Kim."),
        ("PARIS (AFP) — France said on Thursday it would act.", "PARIS", "AFP", "France said on Thursday it would act."),
        ("LEEDS, England (AP) — The council said it had agreed.", "LEEDS, England", "AP", "The council said it had agreed."),
        ("YOKOHAMA - The city said Thursday it will build it.", "YOKOHAMA", None, "The city said Thursday it will build it."),
        ("WASHINGTON, Sept 4 (Reuters) - The Fed held rates.", "WASHINGTON", "Reuters", "The Fed held rates."),
        ("NEW DELHI: The Railway Ministry on Thursday said.", "NEW DELHI", None, "The Railway Ministry on Thursday said."),
        ("New Delhi: The Railway Ministry on Thursday unveiled a plan.", "New Delhi", None,
         "The Railway Ministry on Thursday unveiled a plan."),
        ("GLASGOW, Scotland (PA) -- Gusts of 90mph hit.", "GLASGOW, Scotland", "PA", "Gusts of 90mph hit."),
        ("ST. LOUIS (AP) — A judge ruled on Monday.", "ST. LOUIS", "AP", "A judge ruled on Monday."),
        ("RIO DE JANEIRO (Reuters) - Brazil said.", "RIO DE JANEIRO", "Reuters", "Brazil said."),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs attacked.", "PORT-AU-PRINCE, Haiti", "AP", "Gangs attacked."),
        ("TOKYO, Sept. 4, 2025 (Kyodo) - Japan said.", "TOKYO", "Kyodo", "Japan said."),
        ("Beijing, Sept 4 (Xinhua) -- China said.", "Beijing", "Xinhua", "China said."),
        ("NEW DELHI, Sept 4 (PTI): The government said.", "NEW DELHI", "PTI", "The government said."),
        ("BEIJING—The talks ended.", "BEIJING", None, "The talks ended."),
        ("WASHINGTON, D.C. — Officials said.", "WASHINGTON, D.C.", None, "Officials said."),
        ("PARIS (Agence France-Presse) — France said.", "PARIS", "AFP", "France said."),
        ("(Reuters) - The Federal Reserve said.", None, "Reuters", "The Federal Reserve said."),
        ("VALPARAÍSO, Chile (AFP) — The curtain rose.", "VALPARAÍSO, Chile", "AFP", "The curtain rose."),
        ("SÃO PAULO (Reuters) - Brazil's central bank held.", "SÃO PAULO", "Reuters", "Brazil's central bank held."),
        ("ZÜRICH (dpa) - Swiss authorities said.", "ZÜRICH", "dpa", "Swiss authorities said."),
        ("ANDØYA, Norway (AFP) — A rocket rose.", "ANDØYA, Norway", "AFP", "A rocket rose."),
        ("ÅLESUND, Norway — Fishermen said.", "ÅLESUND, Norway", None, "Fishermen said."),
        ("N'DJAMENA, Chad (AFP) — Chad qualified.", "N'DJAMENA, Chad", "AFP", "Chad qualified."),
        ("NEW YORK, Nov 3 (Reuters) - Stocks rose.", "NEW YORK", "Reuters", "Stocks rose."),
        ("ISLAMABAD, Nov 3 (APP): The government said.", "ISLAMABAD", "APP", "The government said."),
        ("São Paulo: The city said on Monday it would expand its metro.", "São Paulo", None,
         "The city said on Monday it would expand its metro."),
    ],
)
def test_dateline_is_cut_from_the_first_paragraph(paragraph, place, agency, rest):
    assert dateline_split(paragraph) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "WASHINGTON is bracing for a storm that could close federal offices.",
        "US officials – who declined to be named – said talks would continue.",
        "The trio – who had never appeared together in public before – formed a bloc.",
        "Xi – who leads China – met Kim in Beijing.",
        "UPDATE: The talks ended without agreement.",
        "Meanwhile – The talks ended in a stalemate after six hours of debate.",
        "China has been the main political and economic patron for North Korea for decades.",
        "“After all, prior to the treaty, North Korea was the only country,” he said.",
        "BEIJING – the talks ended.",
        "Ärzte warnen – the doctors said it was too late.",
        "",
    ],
)
def test_sentence_openings_are_not_datelines(paragraph):
    assert dateline_split(paragraph) == (None, None, paragraph)
