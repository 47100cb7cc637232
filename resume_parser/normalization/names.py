"""Person names: telling a name line from a headline, heading or contact line."""

from __future__ import annotations

import re

from resume_parser.normalization.lines import word_set

# Lowercase particles that belong inside a name ("Ludwig van Beethoven", "Maria da Silva").
PARTICLES = word_set(
    """
    van von de der den del della di da das dos du le la ter ten zu y e bin binti al el af av op st.
    ap ab ferch ibn bint ben
    """
)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]*)*\.?$")
# Words that appear on the top lines of a resume but are not part of a person's name.
_NOT_NAME_WORDS = word_set(
    """
    curriculum vitae resume résumé lebenslauf cv profile contact summary hello hi about me personal
    information page experience education skills name
    """
)
MAX_NAME_WORDS = 5
MIN_GLUED_STEM = 3


def looks_like_name(text: str) -> bool:
    """Two to five name words, capitalized (or all caps), particles allowed in between."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(w.casefold() in _NOT_NAME_WORDS for w in words):
        return False
    if words[0].casefold() in PARTICLES and not words[0][0].isupper():
        return False
    for word in words:
        if word.casefold() in PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
    return True


_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|ing|dipl\.-ing)\.?\s+", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^[A-Z][A-Za-z.]{1,6}$")  # "PhD", "MBA", "CPA", "M.Sc."


def strip_decorations(text: str) -> str:
    """The name without an honorific before it or credentials after a comma: "Dr. Jane Doe, PhD, PMP"."""
    head, comma, tail = text.partition(",")
    if comma and all(_CREDENTIAL.match(t.strip()) for t in tail.split(",")):
        text = head
    return _HONORIFIC.sub("", text.strip())


def display_name(text: str) -> str:
    """An all-caps name in title case ("BRIAN TURNER" -> "Brian Turner"); others as printed."""
    if not text.isupper():
        return text
    return " ".join(_title_word(w) for w in text.split())


def _title_word(word: str) -> str:
    if word.casefold() in PARTICLES:
        return word.casefold()
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)


def unglue_particles(name: str, email: str | None) -> str:
    """ "Friederikevon Bülow" -> "Friederike von Bülow": a particle OCR glued to the word before it,
    told apart from a name that merely ends in one ("Jovan") by the email, which spells the word alone
    ("friederike.vonbulow@...")."""
    if not email:
        return name
    tokens = set(re.split(r"[._\-+]", email.partition("@")[0].casefold()))
    words = []
    for word in name.split():
        folded = word.casefold()
        glued = [p for p in PARTICLES if len(p) > 1 and folded.endswith(p) and folded[: -len(p)] in tokens]
        particle = glued[0] if glued else None
        if particle and len(folded) - len(particle) >= MIN_GLUED_STEM:
            words.extend([word[: -len(particle)], particle])
        else:
            words.append(word)
    return " ".join(words)
