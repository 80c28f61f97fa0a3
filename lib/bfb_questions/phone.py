"""The association's phone number in the forms a page needs: as written, international, `tel:`."""

from __future__ import annotations

import re

COUNTRY_CODE = "49"


def phone_value(phone) -> str | None:
    """The number as the association writes it ("06592 9263198"), from ASSOCIATION["phone"]."""
    if isinstance(phone, dict):
        phone = phone.get("value")
    # A number or yes/no written by mistake is shown as text; the legal gate refuses it before
    # publishing (ASSOCIATION_VALUE_TYPE), the build must not end in a traceback.
    return None if phone is None else str(phone)


def international(number: str) -> str:
    """ "06592 9263198" → "+49 6592 9263198" (for pages read abroad)."""
    number = number.strip()
    if number.startswith("+"):
        return number
    return f"+{COUNTRY_CODE} {number[1:] if number.startswith('0') else number}"


def tel_href(number: str) -> str:
    """ "06592 9263198" → "tel:+4965929263198": dialable from abroad and at home."""
    digits = re.sub(r"[^0-9+]", "", international(number))
    return f"tel:{digits}"


def display(number: str, international_form: bool) -> str:
    """The number as written at home, or in +49 form for a language read abroad
    (bfb_languages.writes_like_main: a variant in another locale than the main site's)."""
    return international(number) if international_form else number
