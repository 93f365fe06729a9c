"""Country names as every layer shows them: queries add them to frames, pages to captions."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import pycountry
from babel import Locale


@lru_cache(maxsize=1024)
def country_name(alpha3: str) -> str:
    """English short name of an ISO alpha-3 code ('AZE' -> 'Azerbaijan'), else the code; kept
    per code, as every run of a page names the same few countries again, often thousands of
    rows of them (looking one up in pycountry and babel is slow)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return Locale("en").territories.get(country.alpha_2, country.name) if country else alpha3


def named(frame: pd.DataFrame, code: str, name: str) -> pd.DataFrame:
    """`frame` with the English name of its `code` column's countries right after it."""
    frame = frame.copy()
    frame.insert(frame.columns.get_loc(code) + 1, name, frame[code].map(country_name))
    return frame
