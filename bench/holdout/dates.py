"""How each theme prints a date range, in its locale: 'März 2019 – heute', 'depuis septembre 2021', ..."""

from __future__ import annotations

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
SHORT_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec",
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.",
}
ONGOING = {"en": "Present", "de": "heute", "fr": "aujourd'hui", "es": "actualidad"}
SINCE = {"en": "Since", "de": "seit", "fr": "depuis", "es": "desde"}


def format_date(date: str, style: str, locale: str) -> str:
    """One end of a range. Styles: year, month (full name), short, slash (03/2019), spanish_de."""
    year, month = date[:4], int(date[5:7]) if len(date) > 4 else 0
    if style == "year" or not month:
        return year
    if style == "slash":
        return f"{month:02d}/{year}"
    if style == "short":
        return f"{SHORT_MONTHS[locale].split()[month - 1]} {year}"
    if style == "spanish_de":
        return f"{MONTHS[locale].split()[month - 1]} de {year}"
    return f"{MONTHS[locale].split()[month - 1]} {year}"


def format_range(start: str | None, end: str | None, style: str, locale: str, since: bool = False) -> str:
    """'2019 – Present', or 'Since 03/2021' when the theme words an ongoing role that way."""
    if start is None:
        return format_date(end, style, locale) if end else ""
    if end is None and since:
        return f"{SINCE[locale]} {format_date(start, style, locale)}"
    finish = format_date(end, style, locale) if end else ONGOING[locale]
    return f"{format_date(start, style, locale)} – {finish}"
